import { Link } from "@inertiajs/react";
import { cx } from "../lib/ui";
import type { VariantOption } from "../types";
import Badge from "./Badge";

type SeriesVariantsProps = { variants: VariantOption[]; current: number };

/** The other listings of a show: each has its own episodes, so each is its own page. */
export default function SeriesVariants({ variants, current }: SeriesVariantsProps) {
  return (
    <nav aria-label="Versions of this series" className="max-w-3xl">
      <p className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">Version</p>
      <ul className="flex flex-wrap gap-2">
        {variants.map((variant) => {
          const here = variant.id === current;
          return (
            <li key={variant.id}>
              <Link
                href={`/series/${variant.id}`}
                aria-current={here ? "page" : undefined}
                title={variant.name}
                className={cx(
                  "inline-flex items-center gap-2 rounded-xl border px-3 py-1.5 text-sm font-medium",
                  here
                    ? "border-brand-600 bg-brand-50 text-brand-900 dark:border-brand-400 dark:bg-brand-500/15 dark:text-brand-100"
                    : "border-zinc-300 bg-white/70 text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900/70 dark:text-zinc-200 dark:hover:bg-zinc-800",
                )}
              >
                {variant.label}
                {variant.preferred && <Badge tone="brand">Your preference</Badge>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
