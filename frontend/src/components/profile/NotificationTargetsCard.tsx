import { useForm } from "@inertiajs/react";
import type { FormEvent } from "react";
import { useVisit } from "../../hooks/useVisit";
import { formatRelativeTime } from "../../lib/format";
import { textLinkClasses } from "../../lib/ui";
import type { NotificationTargetItem } from "../../types";
import Badge from "../Badge";
import Button from "../Button";
import Card from "../Card";
import FormTextField from "../FormTextField";

function TargetRow({ target }: { target: NotificationTargetItem }) {
  const [busy, visit] = useVisit();
  const base = `/profile/notifications/${target.id}`;
  return (
    <li className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{target.name}</span>
        {!target.enabled && <Badge>Off</Badge>}
        <code className="truncate rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
          {target.preview}
        </code>
      </div>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {target.lastSentAt ? `Last delivered ${formatRelativeTime(target.lastSentAt)}` : "Nothing delivered yet"}
        {target.lastError && target.lastErrorAt && (!target.lastSentAt || target.lastErrorAt > target.lastSentAt) && (
          <span className="block text-red-700 dark:text-red-400">
            Last failure {formatRelativeTime(target.lastErrorAt)}: {target.lastError}
          </span>
        )}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" busy={busy === "test"} disabled={busy !== null} onClick={() => visit("test", "post", `${base}/test`)} aria-label={`Send test to ${target.name}`}>
          Send test
        </Button>
        <Button variant="ghost" busy={busy === "toggle"} disabled={busy !== null} onClick={() => visit("toggle", "patch", base, { enabled: !target.enabled })} aria-label={`${target.enabled ? "Turn off" : "Turn on"} ${target.name}`}>
          {target.enabled ? "Turn off" : "Turn on"}
        </Button>
        <Button variant="ghost" busy={busy === "remove"} disabled={busy !== null} onClick={() => visit("remove", "delete", base)} aria-label={`Remove ${target.name}`}>
          Remove
        </Button>
      </div>
    </li>
  );
}

/**
 * Where notifications also go, besides the bell: Apprise URLs (ntfy, Discord, Telegram,
 * email, Gotify, webhooks…). The URL is write-only: only a redacted preview comes back.
 */
export default function NotificationTargetsCard({ targets }: { targets: NotificationTargetItem[] }) {
  const form = useForm({ name: "", url: "" });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.post("/profile/notifications", { preserveScroll: true, onSuccess: () => form.reset() });
  }

  return (
    <Card
      title="Notifications elsewhere"
      description={
        <>
          Also send finished and failed downloads and monitor results to your phone, chat or inbox. Paste an{" "}
          <a href="https://github.com/caronc/apprise/wiki" className={textLinkClasses} rel="noreferrer noopener" target="_blank">
            Apprise URL
          </a>
          , such as <code>ntfy://ntfy.sh/your-topic</code> or <code>discord://webhook_id/webhook_token</code>. It is stored
          encrypted and never shown again in full.
        </>
      }
    >
      {targets.length > 0 && (
        <ul aria-label="Notification targets" className="mb-5 space-y-3">
          {targets.map((target) => (
            <TargetRow key={target.id} target={target} />
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormTextField form={form} label="Name" name="name" hint="Optional: how you recognise it, e.g. “Phone”." />
        <FormTextField form={form} label="Apprise URL" name="url" autoComplete="off" spellCheck={false} required />
        <Button type="submit" busy={form.processing} disabled={!form.data.url.trim()}>
          Add
        </Button>
      </form>
    </Card>
  );
}
