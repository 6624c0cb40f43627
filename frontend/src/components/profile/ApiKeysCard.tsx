import { useForm } from "@inertiajs/react";
import type { FormEvent } from "react";
import { useVisit } from "../../hooks/useVisit";
import { formatRelativeTime } from "../../lib/format";
import { textLinkClasses } from "../../lib/ui";
import type { ApiKeysProps, ApiKeyItem } from "../../types";
import Button from "../Button";
import Card from "../Card";
import CopyField from "../CopyField";
import FormTextField from "../FormTextField";

function KeyRow({ item }: { item: ApiKeyItem }) {
  const [busy, visit] = useVisit();
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-zinc-900 dark:text-zinc-100">{item.name}</span>
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">{item.prefix}…</code>
        </div>
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          Created {formatRelativeTime(item.createdAt)} · {item.lastUsedAt ? `last used ${formatRelativeTime(item.lastUsedAt)}` : "never used"}
        </p>
      </div>
      <Button variant="ghost" busy={busy === "revoke"} disabled={busy !== null} onClick={() => visit("revoke", "delete", `/profile/api-keys/${item.id}`)} aria-label={`Revoke ${item.name}`}>
        Revoke
      </Button>
    </li>
  );
}

/**
 * Personal API keys for scripts and other tools (`X-Api-Key`). A key is shown once, right after
 * it is made; afterwards only its name, first characters and dates.
 */
export default function ApiKeysCard({ apiKeys }: { apiKeys: ApiKeysProps }) {
  const form = useForm({ name: "" });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.post("/profile/api-keys", { preserveScroll: true, onSuccess: () => form.reset() });
  }

  return (
    <Card
      title="API keys"
      description={
        <>
          Let scripts, dashboards and apps use Vodarr as you: send the key in the <code>X-Api-Key</code> header. A key can do
          what you can, nothing more. See the{" "}
          <a href="/api/v1/docs" className={textLinkClasses}>
            API documentation
          </a>
          .
        </>
      }
    >
      {apiKeys.newKey && (
        <div role="status" className="mb-5 rounded-xl border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950">
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-100">
            Your new key “{apiKeys.newKey.name}”. Copy it now: it will not be shown again.
          </p>
          <div className="mt-3">
            <CopyField label="New API key" value={apiKeys.newKey.key} />
          </div>
        </div>
      )}
      {apiKeys.keys.length > 0 && (
        <ul aria-label="API keys" className="mb-5 space-y-3">
          {apiKeys.keys.map((item) => (
            <KeyRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormTextField form={form} label="Key name" name="name" hint="What it is for, e.g. “Home Assistant”." required />
        <Button type="submit" busy={form.processing} disabled={!form.data.name.trim()}>
          Create key
        </Button>
      </form>
    </Card>
  );
}
