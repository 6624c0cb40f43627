import { Head, Link } from "@inertiajs/react";
import { buttonClasses } from "../lib/ui";

type ErrorProps = { status: number; title: string; message: string };

export default function ErrorPage({ status, title, message }: ErrorProps) {
  return (
    <>
      <Head title={title} />
      <div className="mx-auto flex max-w-xl flex-col items-center py-16 text-center">
        <p className="bg-gradient-to-br from-brand-600 to-fuchsia-700 bg-clip-text text-7xl font-black tracking-tight text-transparent dark:from-brand-300 dark:to-fuchsia-300">
          {status}
        </p>
        <h1 className="mt-4 text-2xl font-bold tracking-tight text-zinc-900 dark:text-white">{title}</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">{message}</p>
        <Link href="/" className={buttonClasses("primary", "mt-8")}>
          Back to home
        </Link>
      </div>
    </>
  );
}
