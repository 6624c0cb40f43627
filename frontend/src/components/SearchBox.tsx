import { router } from "@inertiajs/react";
import { type FocusEvent, type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useSuggestions } from "../hooks/useSuggestions";
import { listboxIndex } from "../lib/keyboard";
import { mediaHref } from "../lib/media";
import { normalizeQuery, searchUrl, shouldSuggest } from "../lib/search";
import { cx, inputClasses } from "../lib/ui";
import Icon from "./Icon";
import Poster from "./Poster";

function initialQuery(): string {
  if (typeof window === "undefined") return "";
  return new URLSearchParams(window.location.search).get("q") ?? "";
}

type SearchBoxProps = {
  className?: string;
  size?: "md" | "lg";
  autoFocus?: boolean;
  /** The query to start from; by default the current URL's `q`. */
  defaultQuery?: string;
};

/**
 * Search as you type: a WAI-ARIA combobox whose list box offers matching titles. Arrow keys
 * move through them, Enter opens one (or, with none chosen, the full results page), Escape
 * closes the list. It is a real GET form, so it also works before the app has loaded.
 */
export default function SearchBox({ className, size = "md", autoFocus = false, defaultQuery }: SearchBoxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const formRef = useRef<HTMLFormElement>(null);
  const [query, setQuery] = useState(() => defaultQuery ?? initialQuery());
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { results, loading, query: answered } = useSuggestions(query, open);

  // The list has the titles, then "All results for …".
  const optionCount = shouldSuggest(query) ? results.length + 1 : 0;
  const showList = open && optionCount > 0 && (answered === query || results.length > 0);
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => router.on("navigate", () => setOpen(false)), []);
  useEffect(() => setActive(-1), [results]);

  function go(index: number) {
    setOpen(false);
    const card = results[index];
    if (card) router.visit(mediaHref(card));
    else if (normalizeQuery(query)) router.visit(searchUrl(query));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    go(showList ? active : -1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape") {
      if (showList) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
      return;
    }
    if (event.key === "ArrowDown" && !showList) {
      setOpen(true);
      return;
    }
    if (!showList) return;
    const next = listboxIndex(active, optionCount, event.key);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
  }

  function onBlur(event: FocusEvent) {
    if (!formRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  }

  const large = size === "lg";

  return (
    <form
      ref={formRef}
      role="search"
      // Two search landmarks can share a page (header and results page): names tell them apart.
      aria-label={large ? "Refine search" : "Site search"}
      action="/search"
      method="get"
      onSubmit={submit}
      onBlur={onBlur}
      className={cx("relative", className)}
    >
      <label htmlFor={id} className="sr-only">
        Search movies and series
      </label>
      <Icon
        name="search"
        className={cx(
          "pointer-events-none absolute top-1/2 -translate-y-1/2 text-zinc-500 dark:text-zinc-400",
          large ? "left-4 size-5" : "left-3 size-4",
        )}
      />
      <input
        id={id}
        name="q"
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        placeholder="Search movies and series"
        autoComplete="off"
        autoFocus={autoFocus}
        enterKeyHint="search"
        className={cx(inputClasses, large ? "rounded-xl py-3 pl-11 text-base" : "rounded-full py-1.5 pl-9")}
      />
      {loading && open && (
        <span
          aria-hidden="true"
          className="absolute top-1/2 right-3 size-4 -translate-y-1/2 animate-spin rounded-full border-2 border-zinc-400 border-r-transparent"
        />
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!showList}
        className="absolute inset-x-0 top-full z-40 mt-2 max-h-[70vh] min-w-72 overflow-y-auto rounded-xl border border-zinc-200 bg-white p-1.5 shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
      >
        {results.map((card, index) => (
          <li
            key={`${card.kind}-${card.id}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => go(index)}
            onMouseMove={() => setActive(index)}
            className={cx(
              "flex cursor-pointer items-center gap-3 rounded-lg px-2 py-1.5",
              index === active && "bg-brand-50 dark:bg-brand-500/15",
            )}
          >
            <Poster src={card.poster} title={card.name} size="sm" className="aspect-[2/3] w-8 shrink-0 rounded" />
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{card.name}</span>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                {card.kind === "movie" ? "Movie" : "Series"}
                {card.year ? ` · ${card.year}` : ""}
              </span>
            </span>
          </li>
        ))}
        {results.length === 0 && (
          <li role="presentation" className="px-2 py-2 text-sm text-zinc-600 dark:text-zinc-400">
            No titles match yet.
          </li>
        )}
        <li
          id={optionId(results.length)}
          role="option"
          aria-selected={active === results.length}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => go(-1)}
          onMouseMove={() => setActive(results.length)}
          className={cx(
            "mt-1 flex cursor-pointer items-center gap-2 rounded-lg border-t border-zinc-200 px-2 py-2 text-sm font-medium text-brand-700 dark:border-zinc-700 dark:text-brand-300",
            active === results.length && "bg-brand-50 dark:bg-brand-500/15",
          )}
        >
          <Icon name="search" className="size-4" />
          All results for “{normalizeQuery(query)}”
        </li>
      </ul>
      <p className="sr-only" role="status" aria-live="polite">
        {showList && !loading ? `${results.length} ${results.length === 1 ? "suggestion" : "suggestions"}` : ""}
      </p>
    </form>
  );
}
