import { Head, Link, router } from "@inertiajs/react";
import { useMemo, useState } from "react";
import Badge from "../components/Badge";
import Button from "../components/Button";
import Checkbox from "../components/Checkbox";
import ConfirmDialog from "../components/ConfirmDialog";
import EmptyState from "../components/EmptyState";
import Icon from "../components/Icon";
import PageHeader from "../components/PageHeader";
import TextField from "../components/TextField";
import { canMove, choices, matching, move, toggleHidden, togglePinned } from "../lib/categories";
import { buttonClasses, cx } from "../lib/ui";
import type { CategoryRow } from "../types";

type CategoriesProps = {
  kind: "movie" | "series";
  categories: CategoryRow[];
  canHideForEveryone: boolean;
  maxPinned: number;
};

const KINDS = [
  { key: "movie", label: "Movie categories" },
  { key: "series", label: "Series categories" },
] as const;

/**
 * A person's own view of the provider's categories: hide what they never want, pin what they
 * want first (first in the filters, a row each on Discover), order the rest. Admins also hide
 * categories for everyone.
 */
export default function Categories({ kind, categories, canHideForEveryone, maxPinned }: CategoriesProps) {
  const [rows, setRows] = useState(categories);
  const hiddenForAll = () => new Set(categories.filter((c) => c.hiddenForEveryone).map((c) => c.id));
  const [everyone, setEveryone] = useState(hiddenForAll);
  const [filter, setFilter] = useState("");
  const [saving, setSaving] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const shown = useMemo(() => matching(rows, filter), [rows, filter]);
  const dirty = JSON.stringify(choices(rows)) !== JSON.stringify(choices(categories));
  const everyoneDirty =
    canHideForEveryone && [...everyone].sort().join() !== categories.filter((c) => c.hiddenForEveryone).map((c) => c.id).sort().join();
  const pinnedCount = rows.filter((r) => r.pinned).length;
  const hiddenCount = rows.filter((r) => r.hidden).length;

  function save() {
    const requests: Array<() => void> = [];
    const finish = () => setSaving(false);
    if (everyoneDirty) {
      requests.push(() =>
        router.put(`/categories/${kind}/everyone`, { hidden: [...everyone] }, { preserveScroll: true, onFinish: next }),
      );
    }
    if (dirty) {
      requests.push(() => router.put(`/categories/${kind}`, { ...choices(rows) }, { preserveScroll: true, onFinish: next }));
    }
    function next() {
      const request = requests.shift();
      if (request) request();
      else finish();
    }
    setSaving(true);
    next();
  }

  function reset() {
    router.delete(`/categories/${kind}`, {
      preserveScroll: true,
      onStart: () => setResetting(true),
      onFinish: () => {
        setResetting(false);
        setConfirmReset(false);
      },
      onSuccess: (page) => setRows((page.props as unknown as CategoriesProps).categories),
    });
  }

  return (
    <>
      <Head title="Categories" />
      <PageHeader
        title="Categories"
        description="Hide the categories you never want, pin the ones you want first, and put the rest in your order. Only you see your choices."
      />
      <nav aria-label="Kinds of categories" className="mb-6 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {KINDS.map(({ key, label }) => (
          <Link
            key={key}
            href={`/categories?kind=${key}`}
            aria-current={kind === key ? "page" : undefined}
            className={cx(
              "-mb-px border-b-2 px-4 py-2.5 text-sm font-medium",
              kind === key
                ? "border-brand-600 text-brand-800 dark:border-brand-400 dark:text-brand-200"
                : "border-transparent text-zinc-700 hover:border-zinc-400 dark:text-zinc-300 dark:hover:border-zinc-500",
            )}
          >
            {label}
          </Link>
        ))}
      </nav>

      {rows.length === 0 ? (
        <EmptyState icon="filter" message="The provider lists no categories of this kind yet." />
      ) : (
        <>
          <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
            <TextField
              label="Find a category"
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              className="sm:w-72"
            />
            <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="polite">
              {rows.length} categories · {pinnedCount} of {maxPinned} pinned · {hiddenCount} hidden
            </p>
          </div>
          <ul aria-label={KINDS.find((k) => k.key === kind)?.label} className="divide-y divide-zinc-200 overflow-hidden rounded-2xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {shown.map((row) => (
              <li key={row.id} className={cx("flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3", row.hidden && "bg-zinc-50 dark:bg-zinc-950/40")}>
                <div className="flex min-w-0 flex-1 items-center gap-2">
                  {row.pinned && <Icon name="pin" className="size-4 shrink-0 text-brand-700 dark:text-brand-300" />}
                  <span className={cx("min-w-0 break-words text-sm font-medium", row.hidden ? "text-zinc-500 line-through dark:text-zinc-400" : "text-zinc-900 dark:text-white")}>
                    {row.name}
                  </span>
                  {everyone.has(row.id) && <Badge tone="warning">Hidden for everyone</Badge>}
                </div>
                <div className="flex flex-wrap items-center gap-1">
                  <Checkbox label={<>Hide<span className="sr-only"> {row.name}</span></>} checked={row.hidden} onChange={() => setRows((r) => toggleHidden(r, row.id))} className="mr-2" />
                  <Checkbox
                    label={<>Pin<span className="sr-only"> {row.name}</span></>}
                    checked={row.pinned}
                    disabled={!row.pinned && pinnedCount >= maxPinned}
                    onChange={() => setRows((r) => togglePinned(r, row.id, maxPinned))}
                    className="mr-2"
                  />
                  {canHideForEveryone && (
                    <Checkbox
                      label={<>Hide for everyone<span className="sr-only"> {row.name}</span></>}
                      checked={everyone.has(row.id)}
                      onChange={(event) =>
                        setEveryone((current) => {
                          const next = new Set(current);
                          if (event.target.checked) next.add(row.id);
                          else next.delete(row.id);
                          return next;
                        })
                      }
                      className="mr-2"
                    />
                  )}
                  {!filter && (
                    <>
                      <button
                        type="button"
                        onClick={() => setRows((r) => move(r, row.id, -1))}
                        disabled={!canMove(rows, row.id, -1)}
                        className={cx(buttonClasses("ghost"), "p-1.5")}
                      >
                        <Icon name="arrowUp" className="size-4" />
                        <span className="sr-only">Move {row.name} up</span>
                      </button>
                      <button
                        type="button"
                        onClick={() => setRows((r) => move(r, row.id, 1))}
                        disabled={!canMove(rows, row.id, 1)}
                        className={cx(buttonClasses("ghost"), "p-1.5")}
                      >
                        <Icon name="arrowDown" className="size-4" />
                        <span className="sr-only">Move {row.name} down</span>
                      </button>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <div className="sticky bottom-0 mt-4 flex flex-wrap items-center gap-3 bg-zinc-50/90 py-3 backdrop-blur dark:bg-zinc-950/90">
            <Button onClick={save} busy={saving} disabled={!dirty && !everyoneDirty}>
              Save
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setRows(categories);
                setEveryone(hiddenForAll());
              }}
              disabled={(!dirty && !everyoneDirty) || saving}
            >
              Undo changes
            </Button>
            <Button variant="ghost" onClick={() => setConfirmReset(true)} className="ml-auto">
              <Icon name="retry" className="size-4" />
              Reset to the provider's
            </Button>
          </div>
        </>
      )}
      {confirmReset && (
        <ConfirmDialog
          open
          title="Reset your categories?"
          description="Every category shows again, none is pinned, and they go back to the provider's order by name."
          confirmLabel="Reset"
          confirmVariant="primary"
          cancelLabel="Keep mine"
          busy={resetting}
          onConfirm={reset}
          onClose={() => setConfirmReset(false)}
        />
      )}
    </>
  );
}
