import { Head } from "@inertiajs/react";
import Notice from "../components/Notice";
import PageHeader from "../components/PageHeader";
import Aria2Card from "../components/settings/Aria2Card";
import CatalogueCard from "../components/settings/CatalogueCard";
import MediaServersCard from "../components/settings/MediaServersCard";
import ProviderCard from "../components/settings/ProviderCard";
import ServerCard from "../components/settings/ServerCard";
import type { Aria2Info, MediaServersProps, ProviderSettingsProps, ServerSettings, SyncInfo } from "../types";

type SettingsProps = {
  provider: ProviderSettingsProps;
  demoMode: boolean;
  sync: SyncInfo;
  aria2: Aria2Info;
  server: ServerSettings;
  /** From `settings.VODARR_SETTINGS_PROPS`; left out when its app is not installed. */
  mediaServers?: MediaServersProps;
};

export default function Settings({ provider, demoMode, sync, aria2, server, mediaServers }: SettingsProps) {
  return (
    <>
      <Head title="Settings" />
      <div className="mx-auto max-w-3xl">
        <PageHeader title="Settings" description="The provider, the download engine and the catalogue, for everyone in the household." />
        {demoMode && (
          <Notice tone="warning" title="Demo mode" className="mb-6">
            No provider is set up, so Vodarr is serving its built-in demo catalogue: made-up titles and small sample
            files. Enter your provider's details below and save to use the real thing.
          </Notice>
        )}
        <div className="space-y-6">
          <ProviderCard provider={provider} />
          <CatalogueCard sync={sync} />
          <ServerCard server={server} />
          <Aria2Card aria2={aria2} />
          {mediaServers && <MediaServersCard mediaServers={mediaServers} />}
        </div>
      </div>
    </>
  );
}
