import { router } from "@inertiajs/react";
import { type FormEvent, useId, useState } from "react";
import { cx, inputClasses } from "../lib/ui";
import Icon from "./Icon";

function initialQuery(): string {
  if (typeof window === "undefined") return "";
  return new URLSearchParams(window.location.search).get("q") ?? "";
}

/** Searches the catalogue. A real GET form, so it also works before the app has loaded. */
export default function SearchBox({ className }: { className?: string }) {
  const id = useId();
  const [query, setQuery] = useState(initialQuery);

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = query.trim();
    if (q) router.get("/search", { q });
  }

  return (
    <form role="search" action="/search" method="get" onSubmit={submit} className={cx("relative", className)}>
      <label htmlFor={id} className="sr-only">
        Search movies and series
      </label>
      <Icon
        name="search"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-500 dark:text-zinc-400"
      />
      <input
        id={id}
        name="q"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Search movies and series"
        autoComplete="off"
        enterKeyHint="search"
        className={cx(inputClasses, "rounded-full py-1.5 pl-9")}
      />
    </form>
  );
}
