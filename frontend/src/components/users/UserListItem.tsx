import { router } from "@inertiajs/react";
import { useState } from "react";
import { formatRelativeTime } from "../../lib/format";
import { initials } from "../../lib/initials";
import { buttonClasses, cx } from "../../lib/ui";
import type { Role, UserRow } from "../../types";
import Badge from "../Badge";
import Checkbox from "../Checkbox";
import ConfirmDialog from "../ConfirmDialog";
import Icon from "../Icon";
import Select from "../Select";

const ROLES: Array<{ value: Role; label: string }> = [
  { value: "member", label: "Member" },
  { value: "admin", label: "Admin" },
];

/** One person: who they are, their role and whether they may download to the server
 * (both changeable), and a way to remove them. */
export default function UserListItem({ user }: { user: UserRow }) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [savingRole, setSavingRole] = useState(false);
  const [savingPermission, setSavingPermission] = useState(false);

  function changeRole(role: string) {
    router.patch(`/users/${user.id}`, { role }, {
      preserveScroll: true,
      onStart: () => setSavingRole(true),
      onFinish: () => setSavingRole(false),
    });
  }

  function changePermission(allowed: boolean) {
    router.patch(`/users/${user.id}`, { may_download: allowed }, {
      preserveScroll: true,
      onStart: () => setSavingPermission(true),
      onFinish: () => setSavingPermission(false),
    });
  }

  function remove() {
    router.delete(`/users/${user.id}`, {
      preserveScroll: true,
      onStart: () => setDeleting(true),
      onFinish: () => {
        setDeleting(false);
        setConfirming(false);
      },
    });
  }

  const joined = formatRelativeTime(user.joinedAt);

  return (
    <div className="grid grid-cols-[2.5rem_1fr] items-center gap-x-4 gap-y-3 p-4 md:grid-cols-[2.5rem_minmax(0,1fr)_7rem_8rem_9rem_auto]">
      <span
        aria-hidden="true"
        className="grid size-10 place-items-center rounded-full bg-brand-600 text-sm font-bold text-white"
      >
        {initials(user.name || user.email)}
      </span>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 font-medium text-zinc-900 dark:text-white">
          <span className="truncate">{user.name || "(no name)"}</span>
          {user.isSelf && <Badge tone="brand">You</Badge>}
        </p>
        <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{user.email}</p>
      </div>
      <p className="col-start-2 flex flex-wrap gap-x-3 text-sm text-zinc-700 md:col-start-auto md:block dark:text-zinc-300">
        {user.verified ? (
          <span className="inline-flex items-center gap-1">
            <Icon name="success" className="size-4 text-emerald-700 dark:text-emerald-400" />
            Verified
          </span>
        ) : (
          <span className="inline-flex items-center gap-1 text-amber-800 dark:text-amber-300">
            <Icon name="mail" className="size-4" />
            Unverified
          </span>
        )}
        <span className="md:hidden">
          Joined {joined} · {user.downloadCount} {user.downloadCount === 1 ? "download" : "downloads"}
        </span>
      </p>
      <p className="hidden text-sm text-zinc-700 tabular-nums md:block dark:text-zinc-300">
        <span className="sr-only">Joined </span>
        <time dateTime={user.joinedAt ?? undefined} title={user.joinedAt ? new Date(user.joinedAt).toLocaleString() : undefined}>
          {joined}
        </time>
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
          {user.downloadCount.toLocaleString("en")} {user.downloadCount === 1 ? "download" : "downloads"}
        </span>
      </p>
      <div className="col-start-2 flex items-center justify-between gap-2 md:contents">
      <div className="min-w-0 flex-1 space-y-2 md:flex-none">
        <Select
          label={`Role of ${user.name || user.email}`}
          hideLabel
          value={user.role}
          disabled={savingRole}
          aria-busy={savingRole || undefined}
          onChange={(event) => changeRole(event.target.value)}
          options={ROLES}
        />
        <Checkbox
          label={
            <>
              Downloads to the server<span className="sr-only"> for {user.name || user.email}</span>
            </>
          }
          checked={user.mayDownload}
          disabled={savingPermission}
          onChange={(event) => changePermission(event.target.checked)}
          className="text-xs"
        />
      </div>
      <div className="flex justify-end">
        <button
          type="button"
          onClick={() => setConfirming(true)}
          disabled={user.isSelf}
          title={user.isSelf ? "You cannot delete yourself here; use your Profile page." : undefined}
          className={cx(buttonClasses("ghost"), "px-3 py-1.5 text-red-800 hover:text-red-900 dark:text-red-300 dark:hover:text-red-200")}
        >
          <Icon name="trash" className="size-4" />
          Delete<span className="sr-only"> {user.name || user.email}</span>
        </button>
      </div>
      </div>
      {confirming && (
        <ConfirmDialog
          open
          title={`Delete ${user.name || user.email}?`}
          description={
            <>
              Their account goes for good and they can no longer log in. Files already downloaded stay on the server's
              disk.
            </>
          }
          confirmLabel="Delete user"
          busy={deleting}
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
