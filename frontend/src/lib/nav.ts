/** The header's sections, and which one matches the current Inertia URL. */

import type { IconName } from "../components/Icon";
import type { Role } from "../types";

export function pathOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  const trimmed = path.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}

/** True on the section itself and on anything below it: /movies matches /movies/12. */
export function isActivePath(currentUrl: string, href: string): boolean {
  const current = pathOf(currentUrl);
  const target = pathOf(href);
  if (target === "/") return current === "/";
  return current === target || current.startsWith(`${target}/`);
}

export interface NavItem {
  href: string;
  label: string;
  icon: IconName;
  adminOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/discover", label: "Discover", icon: "compass" },
  { href: "/movies", label: "Movies", icon: "film" },
  { href: "/series", label: "Series", icon: "tv" },
  { href: "/downloads", label: "Downloads", icon: "download" },
  { href: "/watchlist", label: "Watchlist", icon: "bookmark" },
  { href: "/schedules", label: "Schedules", icon: "calendar" },
  { href: "/settings", label: "Settings", icon: "settings", adminOnly: true },
  { href: "/users", label: "Users", icon: "users", adminOnly: true },
];

export function navItemsFor(role: Role | null | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.adminOnly || role === "admin");
}
