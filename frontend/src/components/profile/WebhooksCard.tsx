import { useForm, usePage } from "@inertiajs/react";
import type { FormEvent } from "react";
import { useVisit } from "../../hooks/useVisit";
import { formatRelativeTime } from "../../lib/format";
import type { WebhookDeliveryItem, WebhookItem, WebhooksProps } from "../../types";
import Badge from "../Badge";
import Button from "../Button";
import Card from "../Card";
import CopyField from "../CopyField";
import FormTextField from "../FormTextField";
import StatusMessage from "../StatusMessage";

function DeliveryLine({ delivery }: { delivery: WebhookDeliveryItem }) {
  const tone = delivery.status === "sent" ? "success" : delivery.status === "failed" ? "danger" : "warning";
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs text-zinc-700 dark:text-zinc-300">
      <Badge tone={tone}>{delivery.status}</Badge>
      <code className="text-zinc-900 dark:text-zinc-100">{delivery.event}</code>
      <span>{formatRelativeTime(delivery.at)}</span>
      <span>
        {delivery.statusCode ? `HTTP ${delivery.statusCode}` : delivery.status === "pending" && !delivery.answer ? "not sent yet" : "no answer"}
        {delivery.attempts > 1 && ` · ${delivery.attempts} attempts`}
        {delivery.nextAttemptAt && ` · next try ${formatRelativeTime(delivery.nextAttemptAt)}`}
      </span>
      {delivery.answer && <span className="basis-full truncate text-zinc-600 dark:text-zinc-400">{delivery.answer}</span>}
    </li>
  );
}

function HookRow({ hook }: { hook: WebhookItem }) {
  const [busy, visit] = useVisit();
  const base = `/profile/webhooks/${hook.id}`;
  return (
    <li className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{hook.name}</span>
        {!hook.enabled && <Badge>Off</Badge>}
        <code className="truncate rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">{hook.preview}</code>
      </div>
      {hook.deliveries.length > 0 ? (
        <ul aria-label={`Last deliveries to ${hook.name}`} className="mt-3 space-y-2">
          {hook.deliveries.map((delivery) => (
            <DeliveryLine key={delivery.id} delivery={delivery} />
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Nothing delivered yet</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" busy={busy === "test"} disabled={busy !== null} onClick={() => visit("test", "post", `${base}/test`)} aria-label={`Send test to ${hook.name}`}>
          Send test
        </Button>
        <Button variant="ghost" busy={busy === "toggle"} disabled={busy !== null} onClick={() => visit("toggle", "patch", base, { enabled: !hook.enabled })} aria-label={`${hook.enabled ? "Turn off" : "Turn on"} ${hook.name}`}>
          {hook.enabled ? "Turn off" : "Turn on"}
        </Button>
        <Button variant="ghost" busy={busy === "remove"} disabled={busy !== null} onClick={() => visit("remove", "delete", base)} aria-label={`Remove ${hook.name}`}>
          Remove
        </Button>
      </div>
    </li>
  );
}

/**
 * Signed JSON POSTs to the person's own services (Home Assistant, n8n, a script) when their
 * downloads start, finish or fail and when their monitors queue episodes.
 */
export default function WebhooksCard({ webhooks }: { webhooks: WebhooksProps }) {
  const errors = usePage().props.errors;
  const form = useForm({ name: "", url: "" });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.post("/profile/webhooks", { preserveScroll: true, onSuccess: () => form.reset() });
  }

  return (
    <Card
      title="Webhooks"
      description={
        <>
          Vodarr POSTs JSON to these addresses when your downloads start, complete or fail and when your monitors queue
          episodes or fail. Each request is signed: <code>X-Vodarr-Signature: t=…,v1=…</code> is the HMAC-SHA256 of{" "}
          <code>t.body</code> with the hook's secret.
        </>
      }
    >
      {errors.webhook && <StatusMessage tone="error" message={errors.webhook} />}
      {webhooks.newSecret && (
        <div role="status" className="mb-5 rounded-xl border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950">
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-100">
            The signing secret of “{webhooks.newSecret.name}”. Copy it now: it will not be shown again.
          </p>
          <div className="mt-3">
            <CopyField label="Signing secret" value={webhooks.newSecret.secret} />
          </div>
        </div>
      )}
      {webhooks.hooks.length > 0 && (
        <ul aria-label="Webhooks" className="mb-5 space-y-3">
          {webhooks.hooks.map((hook) => (
            <HookRow key={hook.id} hook={hook} />
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormTextField form={form} label="Webhook name" name="name" hint="Optional: how you recognise it, e.g. “Home Assistant”." />
        <FormTextField form={form} label="Address" name="url" type="url" autoComplete="off" spellCheck={false} required />
        <Button type="submit" busy={form.processing} disabled={!form.data.url.trim()}>
          Add webhook
        </Button>
      </form>
    </Card>
  );
}
