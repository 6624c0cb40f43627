import { downloadStateSummary } from "../lib/downloadState";
import { cx } from "../lib/ui";
import type { MovieVariant } from "../types";
import Badge from "./Badge";

type VariantPickerProps = {
  variants: MovieVariant[];
  selected: number;
  onSelect: (id: number) => void;
};

/** The versions the provider lists for one film; the person's preferred one comes first. */
export default function VariantPicker({ variants, selected, onSelect }: VariantPickerProps) {
  return (
    <fieldset className="max-w-3xl">
      <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">Version</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {variants.map((variant) => {
          const state = downloadStateSummary(variant.download);
          const checked = variant.id === selected;
          return (
            <label
              key={variant.id}
              className={cx(
                "flex cursor-pointer items-start gap-3 rounded-xl border px-3 py-2.5 text-sm",
                "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 dark:has-[:focus-visible]:outline-brand-300",
                checked
                  ? "border-brand-600 bg-brand-50 dark:border-brand-400 dark:bg-brand-500/15"
                  : "border-zinc-300 bg-white/70 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900/70 dark:hover:bg-zinc-800",
              )}
            >
              <input
                type="radio"
                name="variant"
                value={variant.id}
                checked={checked}
                onChange={() => onSelect(variant.id)}
                className="mt-1 accent-brand-600"
              />
              <span className="min-w-0 flex-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold text-zinc-900 dark:text-white">{variant.label}</span>
                  {variant.preferred && <Badge tone="brand">Your preference</Badge>}
                  {state && <Badge tone={state.tone}>{state.label}</Badge>}
                </span>
                <span className="mt-0.5 block truncate text-xs text-zinc-600 dark:text-zinc-400">
                  {variant.name}
                  {variant.containerExtension ? ` · ${variant.containerExtension.toUpperCase()}` : ""}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
