import { Link, usePage } from "@inertiajs/react";
import { navItemsFor } from "../lib/nav";
import { buttonClasses } from "../lib/ui";
import Badge from "./Badge";
import DownloadsBadge from "./DownloadsBadge";
import Icon from "./Icon";
import Logo from "./Logo";
import MobileMenu from "./MobileMenu";
import NotificationBell from "./NotificationBell";
import PrimaryNav from "./PrimaryNav";
import SearchBox from "./SearchBox";
import ThemeToggle from "./ThemeToggle";
import UserMenu from "./UserMenu";

export default function Header() {
  const { url, props } = usePage();
  const user = props.auth.user;
  const items = navItemsFor(user?.role);
  const badges = { "/downloads": <DownloadsBadge /> };

  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75 dark:border-zinc-800 dark:bg-zinc-900/90 dark:supports-[backdrop-filter]:bg-zinc-900/75">
      <div className="relative mx-auto flex h-16 max-w-7xl items-center gap-3 px-4 sm:px-6 lg:px-8">
        {user && <MobileMenu items={items} currentUrl={url} badges={badges} />}
        <Link href={user ? "/discover" : "/"} className="flex shrink-0 items-center gap-2 rounded-lg">
          <Logo name={props.app?.name || "Vodarr"} wordmarkClassName="sm:max-md:sr-only" />
        </Link>
        {props.app?.demoMode && <Badge tone="warning">Demo</Badge>}

        {user && (
          <PrimaryNav
            items={items}
            currentUrl={url}
            badges={badges}
            className="hidden min-w-0 overflow-x-auto sm:block"
          />
        )}

        <div className="ml-auto flex items-center gap-2">
          {user && (
            <>
              <SearchBox className="hidden w-56 xl:block 2xl:w-64" />
              <Link
                href="/search"
                className="hidden size-9 place-items-center rounded-lg text-zinc-700 hover:bg-zinc-100 sm:grid xl:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
              >
                <Icon name="search" />
                <span className="sr-only">Search</span>
              </Link>
              <NotificationBell />
            </>
          )}
          <ThemeToggle />
          {user ? (
            <UserMenu user={user} />
          ) : (
            <Link href="/login" className={buttonClasses("primary", "py-1.5")}>
              Log in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
