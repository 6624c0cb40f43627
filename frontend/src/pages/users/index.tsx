import { Head, usePage } from "@inertiajs/react";
import EmptyState from "../../components/EmptyState";
import PageHeader from "../../components/PageHeader";
import StatusMessage from "../../components/StatusMessage";
import UserListItem from "../../components/users/UserListItem";
import type { UserRow } from "../../types";

export default function UsersIndex({ users = [] }: { users?: UserRow[] }) {
  const errors = usePage().props.errors;
  const admins = users.filter((u) => u.role === "admin").length;

  return (
    <>
      <Head title="Users" />
      <PageHeader
        title="Users"
        description={`${users.length} ${users.length === 1 ? "person" : "people"}, ${admins} ${admins === 1 ? "admin" : "admins"}. Admins manage Settings, Users and everyone's downloads; people without “Downloads to the server” get links to their own devices instead.`}
      />
      {errors.user && <StatusMessage tone="error" message={errors.user} />}
      {users.length === 0 ? (
        <EmptyState icon="users" message="No users yet." />
      ) : (
        <div className="mt-4 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <div
            aria-hidden="true"
            className="hidden grid-cols-[2.5rem_minmax(0,1fr)_7rem_8rem_9rem_auto] gap-x-4 border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase md:grid dark:border-zinc-800 dark:bg-zinc-800/50 dark:text-zinc-400"
          >
            <span />
            <span>Name</span>
            <span>Status</span>
            <span>Joined</span>
            <span>Role, rights</span>
            <span className="w-24" />
          </div>
          <ul aria-label="Users" className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {users.map((user) => (
              <li key={user.id}>
                <UserListItem user={user} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
