import { Link, usePage } from "@inertiajs/react";
import { useState } from "react";
import { useLiveTopic } from "../hooks/useLive";
import Icon from "./Icon";

/**
 * The header's link to /notifications with the unread count: the shared prop of the page,
 * then each `notifications` event of the live channel (a download finishing lights the bell
 * without a reload), until the next page brings the prop again.
 */
export default function NotificationBell() {
  const fromPage = usePage().props.notifications?.unread ?? 0;
  const [live, setLive] = useState<{ base: number; unread: number } | null>(null);
  useLiveTopic("notifications", (data) => {
    if (typeof data.unread === "number") setLive({ base: fromPage, unread: data.unread });
  });
  const unread = live !== null && live.base === fromPage ? live.unread : fromPage;
  const shown = unread > 99 ? "99+" : String(unread);

  return (
    <Link
      href="/notifications"
      className="relative grid size-9 place-items-center rounded-lg text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <Icon name="bell" />
      <span className="sr-only">{unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}</span>
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-[11px] leading-5 font-bold text-white tabular-nums"
        >
          {shown}
        </span>
      )}
    </Link>
  );
}
