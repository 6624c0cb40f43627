import { router } from "@inertiajs/react";
import { type FormEvent, useId, useState } from "react";
import { useDisclosure } from "../hooks/useDisclosure";
import { ownerFilterLabel, ownersUrl, toggleOwner } from "../lib/ownerFilter";
import { buttonClasses, cx } from "../lib/ui";
import type { Owner } from "../types";
import Checkbox from "./Checkbox";
import Icon from "./Icon";

type OwnerFilterProps = {
  options: Owner[];
  selected: number[];
  /** Where the chosen owners lead (the page's other filters kept); `/downloads?owners=…` by default. */
  urlFor?: (ids: number[]) => string;
};

/**
 * The admin's "whose downloads" filter: a button opening a list of checkboxes (one per
 * person with downloads). Apply navigates to `/downloads?owners=1,3`.
 */
export default function OwnerFilter({ options, selected, urlFor = ownersUrl }: OwnerFilterProps) {
  const { containerRef, buttonRef, panelId, open, setOpen, toggle } = useDisclosure();
  const legendId = useId();
  const [draft, setDraft] = useState<number[]>(selected);

  function openPanel() {
    if (!open) setDraft(selected);
    toggle();
  }

  function go(ids: number[]) {
    setOpen(false);
    router.get(urlFor(ids), {}, { preserveState: true, preserveScroll: true });
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    go(draft);
  }

  const label = ownerFilterLabel(selected, options);

  return (
    <div ref={containerRef} className="relative">
      <span className="mb-1.5 block text-sm font-medium text-zinc-800 dark:text-zinc-200" aria-hidden="true">
        Owner
      </span>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={openPanel}
        className={cx(buttonClasses("secondary"), "w-56 justify-between font-medium")}
      >
        <span className="sr-only">Owner: </span>
        <span className="flex min-w-0 items-center gap-2">
          <Icon name="filter" className="size-4 shrink-0" />
          <span className="truncate">{label}</span>
        </span>
        <Icon name="chevronDown" className="size-4 shrink-0" />
      </button>

      <form
        id={panelId}
        hidden={!open}
        onSubmit={apply}
        className="absolute right-0 z-20 mt-2 w-72 rounded-xl border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <fieldset aria-labelledby={legendId}>
          <legend id={legendId} className="px-1 text-sm font-semibold text-zinc-900 dark:text-white">
            Show downloads of
          </legend>
          <div className="mt-2 max-h-64 space-y-1 overflow-y-auto px-1 py-1">
            {options.length === 0 && (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">Nobody has downloads yet.</p>
            )}
            {options.map((owner) => (
              <Checkbox
                key={owner.id}
                className="rounded-md px-1 py-1 hover:bg-zinc-50 dark:hover:bg-zinc-800"
                label={
                  <>
                    <span className="font-medium text-zinc-900 dark:text-zinc-100">{owner.name || owner.email}</span>
                    {owner.name && <span className="ml-1 text-zinc-600 dark:text-zinc-400">{owner.email}</span>}
                  </>
                }
                checked={draft.includes(owner.id)}
                onChange={() => setDraft((ids) => toggleOwner(ids, owner.id))}
              />
            ))}
          </div>
        </fieldset>
        <div className="mt-3 flex justify-between gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-700">
          <button type="button" onClick={() => go([])} className={cx(buttonClasses("ghost"), "px-3 py-1.5")}>
            Everyone
          </button>
          <button type="submit" className={cx(buttonClasses("primary"), "px-3 py-1.5")}>
            Apply
          </button>
        </div>
      </form>
    </div>
  );
}
