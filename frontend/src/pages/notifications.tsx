import { Head, Link, router, usePage } from "@inertiajs/react";
import Badge from "../components/Badge";
import Button from "../components/Button";
import EmptyState from "../components/EmptyState";
import Icon, { type IconName } from "../components/Icon";
import PageHeader from "../components/PageHeader";
import Pagination from "../components/Pagination";
import { usePostAction } from "../hooks/usePostAction";
import { formatRelativeTime } from "../lib/format";
import { cx, textLinkClasses } from "../lib/ui";
import type { NotificationItem, Paginator } from "../types";

type NotificationsProps = { items: Paginator<NotificationItem>; hasTargets: boolean };

const KIND_ICONS: Record<string, { icon: IconName; tone: string }> = {
  download_complete: { icon: "success", tone: "text-emerald-700 dark:text-emerald-400" },
  download_failed: { icon: "error", tone: "text-red-700 dark:text-red-400" },
  monitor_queued: { icon: "calendar", tone: "text-brand-700 dark:text-brand-300" },
  monitor_failed: { icon: "warning", tone: "text-amber-700 dark:text-amber-300" },
};

export default function Notifications({ items, hasTargets }: NotificationsProps) {
  const unread = usePage().props.notifications?.unread ?? 0;
  const [marking, markAll] = usePostAction("/notifications/read-all");

  function markRead(item: NotificationItem) {
    router.patch(`/notifications/${item.id}`, { read: true }, { preserveScroll: true });
  }

  return (
    <>
      <Head title="Notifications" />
      <PageHeader
        title="Notifications"
        description={
          <>
            Finished and failed downloads, and what your monitors did.{" "}
            {hasTargets ? "They are also sent to the places you set up in " : "Get them on your phone too: add a place to send them in "}
            <Link href="/profile" className={textLinkClasses}>
              your profile
            </Link>
            .
          </>
        }
        actions={
          <Button variant="secondary" onClick={markAll} busy={marking} disabled={unread === 0}>
            <Icon name="check" className="size-4" />
            Mark all as read
          </Button>
        }
      />
      {items.data.length === 0 ? (
        <EmptyState icon="bell" message="Nothing yet. You will be told here when a download finishes or fails, and when a monitor finds new episodes." />
      ) : (
        <ul aria-label="Notifications" className="space-y-2">
          {items.data.map((item) => {
            const look = KIND_ICONS[item.kind] ?? { icon: "info" as IconName, tone: "text-zinc-600" };
            return (
              <li
                key={item.id}
                className={cx(
                  "flex items-start gap-3 rounded-xl border p-4",
                  item.read
                    ? "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
                    : "border-brand-300 bg-brand-50 dark:border-brand-800 dark:bg-brand-950/40",
                )}
              >
                <Icon name={look.icon} className={cx("mt-0.5 size-5 shrink-0", look.tone)} />
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-zinc-900 dark:text-zinc-100">
                    {item.link ? (
                      <Link href={item.link} className="hover:underline">
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}
                    {!item.read && <Badge tone="brand">New</Badge>}
                  </p>
                  {item.body && <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{item.body}</p>}
                  <time dateTime={item.createdAt} className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">
                    {formatRelativeTime(item.createdAt)}
                  </time>
                </div>
                {!item.read && (
                  <Button variant="ghost" className="px-2 py-1" onClick={() => markRead(item)} aria-label={`Mark read: ${item.title}`}>
                    Mark read
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {items.data.length > 0 && <Pagination paginator={items} noun="notifications" preserveScroll />}
    </>
  );
}
