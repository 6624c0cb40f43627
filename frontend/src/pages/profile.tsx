import { Head, usePage } from "@inertiajs/react";
import RoleBadge from "../components/RoleBadge";
import ApiKeysCard from "../components/profile/ApiKeysCard";
import DeleteAccountCard from "../components/profile/DeleteAccountCard";
import NotificationTargetsCard from "../components/profile/NotificationTargetsCard";
import PasswordForm from "../components/profile/PasswordForm";
import ProfileInfoForm from "../components/profile/ProfileInfoForm";
import ThemeCard from "../components/profile/ThemeCard";
import VersionPreferencesCard from "../components/profile/VersionPreferencesCard";
import WebhooksCard from "../components/profile/WebhooksCard";
import type { ApiKeysProps, NotificationTargetItem, VersionPreferences, WebhooksProps } from "../types";

/** Each card's props come from `settings.VODARR_PROFILE_PROPS`; a card without them is left out. */
type ProfileProps = {
  notificationTargets?: NotificationTargetItem[];
  versionPreferences?: VersionPreferences;
  apiKeys?: ApiKeysProps;
  webhooks?: WebhooksProps;
};

export default function Profile({ notificationTargets, versionPreferences, apiKeys, webhooks }: ProfileProps) {
  const user = usePage().props.auth.user;

  return (
    <>
      <Head title="Profile" />
      <div className="mx-auto max-w-2xl">
        <div className="mb-8 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-white">Profile</h1>
          {user && <RoleBadge role={user.role} />}
        </div>
        <div className="space-y-6">
          {user && <ProfileInfoForm user={user} />}
          <PasswordForm />
          {notificationTargets && <NotificationTargetsCard targets={notificationTargets} />}
          {versionPreferences && <VersionPreferencesCard preferences={versionPreferences} />}
          {webhooks && <WebhooksCard webhooks={webhooks} />}
          {apiKeys && <ApiKeysCard apiKeys={apiKeys} />}
          <ThemeCard />
          <DeleteAccountCard />
        </div>
      </div>
    </>
  );
}
