import { isActivePath, type NavItem } from "../lib/nav";
import { cx } from "../lib/ui";
import NavLink from "./NavLink";

type PrimaryNavProps = {
  items: NavItem[];
  currentUrl: string;
  layout?: "bar" | "stack";
  className?: string;
};

export default function PrimaryNav({ items, currentUrl, layout = "bar", className }: PrimaryNavProps) {
  return (
    <nav aria-label="Main" className={className}>
      <ul className={cx("flex", layout === "bar" ? "items-center gap-0.5 lg:gap-1" : "flex-col gap-1")}>
        {items.map((item) => (
          <li key={item.href}>
            <NavLink item={item} layout={layout} active={isActivePath(currentUrl, item.href)} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
