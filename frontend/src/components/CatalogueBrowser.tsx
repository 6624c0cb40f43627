import { Head, Link, router } from "@inertiajs/react";
import { browseUrl, parseSort, SORT_OPTIONS } from "../lib/browse";
import { buttonClasses } from "../lib/ui";
import type { BrowseFilters, Category, MediaCard, Paginator } from "../types";
import EmptyState from "./EmptyState";
import Icon from "./Icon";
import PageHeader from "./PageHeader";
import Pagination from "./Pagination";
import PosterGrid from "./PosterGrid";
import Select from "./Select";

type CatalogueBrowserProps = {
  kind: "movie" | "series";
  items: Paginator<MediaCard>;
  categories: Category[];
  filters: BrowseFilters;
};

const WORDS = {
  movie: { title: "Movies", path: "/movies", plural: "movies" },
  series: { title: "Series", path: "/series", plural: "series" },
} as const;

/** The Movies and Series pages: filters, a poster grid and page links. */
export default function CatalogueBrowser({ kind, items, categories, filters }: CatalogueBrowserProps) {
  const words = WORDS[kind];
  const category = filters.category ?? "";
  const sort = parseSort(filters.sort);

  function apply(next: { category?: string; sort?: string }) {
    router.get(browseUrl(words.path, { category, sort, ...next }), {}, { preserveState: true });
  }

  const categoryName = categories.find((c) => String(c.id) === category)?.name;

  return (
    <>
      <Head title={words.title} />
      <PageHeader
        title={words.title}
        description={
          items.total > 0
            ? `${items.total.toLocaleString("en")} ${words.plural}${categoryName ? ` in ${categoryName}` : ""}`
            : undefined
        }
        actions={
          <>
            <Select
              label="Category"
              className="min-w-0 flex-1 sm:w-52 sm:flex-none"
              value={category}
              onChange={(event) => apply({ category: event.target.value })}
              options={[
                { value: "", label: "All categories" },
                ...categories.map((c) => ({ value: String(c.id), label: c.pinned ? `★ ${c.name}` : c.name })),
              ]}
            />
            <Link
              href={`/categories?kind=${kind}`}
              className={buttonClasses("ghost", "px-3 py-2")}
              title="Hide, pin and order categories"
            >
              <Icon name="filter" className="size-4" />
              Your categories
            </Link>
            <Select
              label="Sort by"
              className="min-w-0 flex-1 sm:w-44 sm:flex-none"
              value={sort}
              onChange={(event) => apply({ sort: event.target.value })}
              options={SORT_OPTIONS}
            />
          </>
        }
      />

      {items.data.length > 0 ? (
        <PosterGrid items={items.data} label={words.title} />
      ) : (
        <EmptyState
          icon={kind === "movie" ? "film" : "tv"}
          message={
            category
              ? `No ${words.plural} in this category.`
              : `No ${words.plural} in the catalogue yet. An admin can sync it from Settings.`
          }
          action={
            category ? (
              <Link href={words.path} className={buttonClasses("secondary", "py-1.5")}>
                Show all categories
              </Link>
            ) : undefined
          }
        />
      )}

      {items.total > 0 && <Pagination paginator={items} noun={words.plural} />}
    </>
  );
}
