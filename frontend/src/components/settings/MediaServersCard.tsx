import { useForm, usePage } from "@inertiajs/react";
import type { FormEvent } from "react";
import { useVisit } from "../../hooks/useVisit";
import { formatRelativeTime } from "../../lib/format";
import type { MediaServerItem, MediaServersProps } from "../../types";
import Badge from "../Badge";
import Button from "../Button";
import Card from "../Card";
import FormTextField from "../FormTextField";
import Select from "../Select";
import StatusMessage from "../StatusMessage";

function ServerRow({ server, kindLabel }: { server: MediaServerItem; kindLabel: string }) {
  const [busy, visit] = useVisit();
  const base = `/settings/media-servers/${server.id}`;
  const failedLast = server.lastError && server.lastErrorAt && (!server.lastScanAt || server.lastErrorAt > server.lastScanAt);
  return (
    <li className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{server.name}</span>
        <Badge>{kindLabel}</Badge>
        {!server.enabled && <Badge tone="warning">Off</Badge>}
        <code className="truncate rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">{server.url}</code>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">token {server.tokenPreview}</span>
      </div>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {server.lastScanAt ? `Last rescan asked ${formatRelativeTime(server.lastScanAt)}` : "No rescan asked yet"}
        {failedLast && server.lastErrorAt && (
          <span className="block text-red-700 dark:text-red-400">
            Failed {formatRelativeTime(server.lastErrorAt)}: {server.lastError}
          </span>
        )}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" busy={busy === "test"} disabled={busy !== null} onClick={() => visit("test", "post", `${base}/test`)} aria-label={`Test ${server.name}`}>
          Test
        </Button>
        <Button variant="ghost" busy={busy === "toggle"} disabled={busy !== null} onClick={() => visit("toggle", "patch", base, { enabled: !server.enabled })} aria-label={`${server.enabled ? "Turn off" : "Turn on"} ${server.name}`}>
          {server.enabled ? "Turn off" : "Turn on"}
        </Button>
        <Button variant="ghost" busy={busy === "remove"} disabled={busy !== null} onClick={() => visit("remove", "delete", base)} aria-label={`Remove ${server.name}`}>
          Remove
        </Button>
      </div>
    </li>
  );
}

/** Jellyfin, Emby or Plex servers that rescan when a download lands (at most once a minute). */
export default function MediaServersCard({ mediaServers }: { mediaServers: MediaServersProps }) {
  const errors = usePage().props.errors;
  const form = useForm({ kind: mediaServers.kinds[0]?.value ?? "jellyfin", name: "", url: "", token: "" });
  const labels = Object.fromEntries(mediaServers.kinds.map((kind) => [kind.value, kind.label]));

  function submit(event: FormEvent) {
    event.preventDefault();
    form.post("/settings/media-servers", { preserveScroll: true, onSuccess: () => form.reset() });
  }

  return (
    <Card title="Media servers" description="When a download lands, Vodarr asks these servers to rescan their library — at most once a minute per library, however many episodes arrive.">
      {errors.mediaServer && <StatusMessage tone="error" message={errors.mediaServer} />}
      {mediaServers.servers.length > 0 && (
        <ul aria-label="Media servers" className="mb-5 space-y-3">
          {mediaServers.servers.map((server) => (
            <ServerRow key={server.id} server={server} kindLabel={labels[server.kind] ?? server.kind} />
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Select label="Server" name="kind" options={mediaServers.kinds} value={form.data.kind} onChange={(event) => form.setData("kind", event.target.value)} />
        <FormTextField form={form} label="Server name" name="name" hint="Optional, e.g. “Living room”." />
        <FormTextField form={form} label="Server address" name="url" type="url" placeholder="http://192.168.1.10:8096" autoComplete="off" spellCheck={false} required />
        <FormTextField form={form} label="API key or token" name="token" type="password" autoComplete="off" hint="Jellyfin and Emby: Dashboard → API keys. Plex: your X-Plex-Token. Stored encrypted." required />
        <Button type="submit" busy={form.processing} disabled={!form.data.url.trim() || !form.data.token.trim()}>
          Add server
        </Button>
      </form>
    </Card>
  );
}
