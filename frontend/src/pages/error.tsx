import { Head, Link, usePage } from "@inertiajs/react";
import Icon, { type IconName } from "../components/Icon";
import { buttonClasses } from "../lib/ui";

type ErrorProps = { status: number; title: string; message: string };

const ICONS: Record<number, IconName> = { 403: "user", 404: "search", 419: "clock" };

export default function ErrorPage({ status, title, message }: ErrorProps) {
  const signedIn = Boolean(usePage().props.auth?.user);
  const serverFault = status >= 500;
  const stale = status === 419;

  return (
    <>
      <Head title={title} />
      <div className="mx-auto flex max-w-xl flex-col items-center py-16 text-center">
        <span className="grid size-14 place-items-center rounded-2xl bg-brand-100 text-brand-800 dark:bg-brand-500/15 dark:text-brand-200">
          <Icon name={ICONS[status] ?? (serverFault ? "warning" : "error")} className="size-7" />
        </span>
        <p className="mt-6 bg-gradient-to-br from-brand-600 to-fuchsia-700 bg-clip-text text-7xl font-black tracking-tight text-transparent tabular-nums dark:from-brand-300 dark:to-fuchsia-300">
          {status}
        </p>
        <h1 className="mt-4 text-2xl font-bold tracking-tight text-zinc-900 dark:text-white">{title}</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">{message}</p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          {serverFault || stale ? (
            <button type="button" onClick={() => window.location.reload()} className={buttonClasses("primary")}>
              <Icon name="refresh" className="size-4" />
              {stale ? "Reload the page" : "Try again"}
            </button>
          ) : (
            <Link href={signedIn ? "/discover" : "/"} className={buttonClasses("primary")}>
              Back to home
            </Link>
          )}
          {serverFault || stale ? (
            <Link href={signedIn ? "/discover" : "/"} className={buttonClasses("secondary")}>
              Back to home
            </Link>
          ) : (
            <button type="button" onClick={() => window.history.back()} className={buttonClasses("secondary")}>
              <Icon name="chevronLeft" className="size-4" />
              Go back
            </button>
          )}
          {status === 403 && !signedIn && (
            <Link href="/login" className={buttonClasses("secondary")}>
              Log in
            </Link>
          )}
        </div>
      </div>
    </>
  );
}
