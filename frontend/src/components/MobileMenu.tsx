import type { ReactNode } from "react";
import { useDisclosure } from "../hooks/useDisclosure";
import type { NavItem } from "../lib/nav";
import Icon from "./Icon";
import PrimaryNav from "./PrimaryNav";
import SearchBox from "./SearchBox";

type MobileMenuProps = { items: NavItem[]; currentUrl: string; badges?: Partial<Record<string, ReactNode>> };

/** Below 640 px the navigation and the search box fold into this disclosure panel. */
export default function MobileMenu({ items, currentUrl, badges }: MobileMenuProps) {
  const { containerRef, buttonRef, panelId, open, toggle } = useDisclosure();

  return (
    <div ref={containerRef} className="sm:hidden">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        className="relative grid size-9 place-items-center rounded-lg text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <Icon name={open ? "close" : "menu"} />
        <span className="sr-only">Menu</span>
        {/* What needs attention shows on the closed menu too (a phone has no nav bar). */}
        {!open && badges?.["/downloads"] && <span className="absolute -top-1 -right-2">{badges["/downloads"]}</span>}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full border-b border-zinc-200 bg-white px-4 pt-3 pb-4 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        <SearchBox className="mb-3" />
        <PrimaryNav items={items} currentUrl={currentUrl} layout="stack" badges={badges} />
      </div>
    </div>
  );
}
