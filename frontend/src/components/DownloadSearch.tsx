import { router } from "@inertiajs/react";
import { type FormEvent, useId, useState } from "react";
import { downloadsUrl } from "../lib/downloadFilters";
import { cx, inputClasses } from "../lib/ui";
import type { DownloadFilters } from "../types";
import Icon from "./Icon";

/** Search the downloads' titles (a show's or an episode's); keeps the chosen tab and owners. */
export default function DownloadSearch({ filters }: { filters: DownloadFilters }) {
  const id = useId();
  const [q, setQ] = useState(filters.q);

  function go(text: string) {
    router.get(downloadsUrl({ ...filters, q: text }), {}, { preserveState: true, preserveScroll: true });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    go(q);
  }

  return (
    <form role="search" aria-label="Search downloads" onSubmit={submit} className="relative w-full sm:w-72">
      <label htmlFor={id} className="sr-only">
        Search downloads
      </label>
      <Icon name="search" className="pointer-events-none absolute top-2.5 left-3 size-4 text-zinc-500 dark:text-zinc-400" />
      <input
        id={id}
        type="search"
        name="q"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        placeholder="Search downloads"
        maxLength={100}
        className={cx(inputClasses, "pr-9 pl-9")}
      />
      {filters.q && (
        <button
          type="button"
          onClick={() => {
            setQ("");
            go("");
          }}
          className="absolute top-1.5 right-1.5 rounded-md p-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
        >
          <Icon name="close" className="size-4" />
          <span className="sr-only">Clear the search</span>
        </button>
      )}
    </form>
  );
}
