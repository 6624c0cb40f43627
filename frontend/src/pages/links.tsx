import { Head, router } from "@inertiajs/react";
import { useState } from "react";
import Badge from "../components/Badge";
import ConfirmDialog from "../components/ConfirmDialog";
import EmptyState from "../components/EmptyState";
import Icon from "../components/Icon";
import PageHeader from "../components/PageHeader";
import Pagination from "../components/Pagination";
import { formatRelativeTime } from "../lib/format";
import { buttonClasses, cx } from "../lib/ui";
import type { LinkRow, Paginator } from "../types";

type LinksProps = { links: Paginator<LinkRow>; lifetimeHours: number };

const STATES: Record<LinkRow["state"], { tone: "success" | "neutral" | "warning"; label: string }> = {
  active: { tone: "success", label: "Works" },
  expired: { tone: "neutral", label: "Expired" },
  revoked: { tone: "warning", label: "Revoked" },
};

/** The links a person made (admins: everyone's), and revoking one before it expires. */
export default function Links({ links, lifetimeHours }: LinksProps) {
  const [revoking, setRevoking] = useState<LinkRow | null>(null);
  const [busy, setBusy] = useState(false);

  function revoke(link: LinkRow) {
    router.delete(`/links/${link.id}`, {
      preserveScroll: true,
      onStart: () => setBusy(true),
      onFinish: () => {
        setBusy(false);
        setRevoking(null);
      },
    });
  }

  return (
    <>
      <Head title="Links" />
      <PageHeader
        title="Links"
        description={`Links take a film or episodes to your own device, without signing in. Each works for ${lifetimeHours} ${
          lifetimeHours === 1 ? "hour" : "hours"
        }; revoke one to stop it at once. Get one from a title's page or from Downloads.`}
      />
      {links.data.length === 0 ? (
        <EmptyState icon="link" message="No links yet. Open a movie or a series and press “Get a link”." />
      ) : (
        <ul aria-label="Links" className="space-y-3">
          {links.data.map((link) => {
            const state = STATES[link.state];
            return (
              <li
                key={link.id}
                className="flex flex-col gap-3 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800 dark:bg-zinc-900"
              >
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 className="min-w-0 font-semibold break-words text-zinc-900 dark:text-white">{link.title}</h2>
                    <Badge tone={state.tone}>{state.label}</Badge>
                  </div>
                  <p className="mt-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                    {link.owner && (
                      <>
                        <Icon name="user" className="mr-1 inline size-3.5 align-[-2px]" />
                        <span className="font-medium text-zinc-700 dark:text-zinc-300">{link.owner.name || link.owner.email}</span>
                        {" · "}
                      </>
                    )}
                    {link.fileCount === 1 ? link.files[0]?.name : `${link.fileCount} files`}
                    {" · made "}
                    {formatRelativeTime(link.createdAt)}
                    {" · "}
                    {link.state === "active"
                      ? `expires ${formatRelativeTime(link.expiresAt)}`
                      : link.state === "revoked"
                        ? `revoked ${formatRelativeTime(link.revokedAt)}`
                        : `expired ${formatRelativeTime(link.expiresAt)}`}
                    {" · "}
                    {link.useCount === 0
                      ? "never opened"
                      : `opened ${link.useCount} ${link.useCount === 1 ? "time" : "times"}, last ${formatRelativeTime(link.lastUsedAt)}`}
                  </p>
                </div>
                {link.state === "active" && (
                  <button
                    type="button"
                    onClick={() => setRevoking(link)}
                    className={cx(buttonClasses("ghost"), "shrink-0 self-end px-3 py-1.5 text-red-800 sm:self-auto dark:text-red-300")}
                  >
                    <Icon name="close" className="size-4" />
                    Revoke…
                    <span className="sr-only"> {link.title}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {links.total > 0 && <Pagination paginator={links} noun="links" preserveScroll />}
      {revoking && (
        <ConfirmDialog
          open
          title="Revoke this link?"
          description={<>“{revoking.title}” stops working at once for everyone holding it; a download or a film playing from it stops within half a minute.</>}
          confirmLabel="Revoke link"
          cancelLabel="Keep it"
          busy={busy}
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(null)}
        />
      )}
    </>
  );
}
