import type { ReactNode } from "react";
import { isActivePath, type NavItem } from "../lib/nav";
import { cx } from "../lib/ui";
import NavLink from "./NavLink";

type PrimaryNavProps = {
  items: NavItem[];
  currentUrl: string;
  layout?: "bar" | "stack";
  className?: string;
  /** Live counts beside a section's name, by its href ("/downloads"). */
  badges?: Partial<Record<string, ReactNode>>;
};

export default function PrimaryNav({ items, currentUrl, layout = "bar", className, badges }: PrimaryNavProps) {
  return (
    <nav aria-label="Main" className={className}>
      <ul className={cx("flex", layout === "bar" ? "items-center gap-0.5 lg:gap-1" : "flex-col gap-1")}>
        {items.map((item) => (
          <li key={item.href}>
            <NavLink
              item={item}
              layout={layout}
              active={isActivePath(currentUrl, item.href)}
              badge={badges?.[item.href]}
            />
          </li>
        ))}
      </ul>
    </nav>
  );
}
