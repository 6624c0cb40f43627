import { Link, usePage } from "@inertiajs/react";
import type { ReactNode } from "react";
import FlashToasts from "../components/FlashToasts";
import Logo from "../components/Logo";
import ThemeToggle from "../components/ThemeToggle";

/** Centred card for the signed-out pages (log in, register, password reset…). */
export default function GuestLayout({ children }: { children: ReactNode }) {
  const { props } = usePage();
  return (
    <div className="relative flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-zinc-50 px-4 py-12 dark:from-zinc-900 dark:to-zinc-950">
      <header className="flex flex-col items-center">
        <div className="absolute top-4 right-4">
          <ThemeToggle />
        </div>
        <Link href="/" className="rounded-lg">
          <Logo name={props.app?.name || "Vodarr"} wordmarkClassName="text-2xl" />
        </Link>
      </header>
      <main className="mt-8 w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900">
        {children}
      </main>
      <FlashToasts />
    </div>
  );
}
