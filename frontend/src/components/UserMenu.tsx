import { Link, router } from "@inertiajs/react";
import type { FocusEvent } from "react";
import { useDisclosure } from "../hooks/useDisclosure";
import { initials } from "../lib/initials";
import type { User } from "../types";
import Icon from "./Icon";
import RoleBadge from "./RoleBadge";

const itemClasses =
  "flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left text-sm text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800";

/** Account disclosure: who is signed in, the profile, links, categories, and log out. */
export default function UserMenu({ user }: { user: User }) {
  const { containerRef, buttonRef, panelId, open, setOpen, toggle } = useDisclosure();

  function closeWhenFocusLeaves(event: FocusEvent) {
    if (!containerRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  }

  return (
    <div ref={containerRef} className="relative" onBlur={closeWhenFocusLeaves}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        className="flex items-center gap-2 rounded-full p-0.5 pr-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <span
          aria-hidden="true"
          className="grid size-8 place-items-center rounded-full bg-brand-600 text-xs font-bold text-white"
        >
          {initials(user.name)}
        </span>
        <span className="hidden max-w-32 truncate md:inline">{user.name}</span>
        <span className="sr-only md:hidden">Account menu for {user.name}</span>
        <Icon name="chevronDown" className="size-4" />
      </button>

      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-72 rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <div className="border-b border-zinc-200 px-3 pt-2 pb-3 dark:border-zinc-700">
          <div className="flex items-center justify-between gap-2">
            <p className="truncate text-sm font-semibold text-zinc-900 dark:text-white">{user.name}</p>
            <RoleBadge role={user.role} />
          </div>
          <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{user.email}</p>
        </div>
        <ul className="mt-2 space-y-0.5">
          <li>
            <Link href="/profile" className={itemClasses}>
              <Icon name="user" className="size-4" />
              Profile
            </Link>
          </li>
          <li>
            <Link href="/links" className={itemClasses}>
              <Icon name="link" className="size-4" />
              Links
            </Link>
          </li>
          <li>
            <Link href="/categories" className={itemClasses}>
              <Icon name="filter" className="size-4" />
              Categories
            </Link>
          </li>
          <li>
            <button type="button" onClick={() => router.post("/logout")} className={itemClasses}>
              <Icon name="logout" className="size-4" />
              Log out
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
