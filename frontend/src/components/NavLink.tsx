import { Link } from "@inertiajs/react";
import type { ReactNode } from "react";
import type { NavItem } from "../lib/nav";
import { cx } from "../lib/ui";
import Icon from "./Icon";

type NavLinkProps = { item: NavItem; active: boolean; layout?: "bar" | "stack"; badge?: ReactNode };

export default function NavLink({ item, active, layout = "bar", badge }: NavLinkProps) {
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cx(
        "flex items-center gap-2 rounded-lg font-medium whitespace-nowrap transition-colors",
        layout === "bar" ? "px-2 py-2 text-sm lg:px-3" : "px-3 py-2.5 text-base",
        active
          ? "bg-brand-50 text-brand-800 dark:bg-brand-500/15 dark:text-brand-200"
          : "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white",
      )}
    >
      {layout === "stack" && <Icon name={item.icon} className="size-5" />}
      {item.label}
      {badge}
    </Link>
  );
}
