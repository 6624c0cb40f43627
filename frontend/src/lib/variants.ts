/**
 * The variant picker on a title page: which version is chosen before the person picks one.
 */

import type { VariantOption } from "../types";

/**
 * The person's preferred variant when the title has several, else the title itself: what
 * the Download button takes until the person chooses another.
 */
export function initialVariantId(
  variants: readonly VariantOption[],
  preferredId: number | null | undefined,
  titleId: number,
): number {
  if (preferredId !== null && preferredId !== undefined && variants.some((v) => v.id === preferredId)) {
    return preferredId;
  }
  const first = variants[0];
  return first === undefined || variants.some((v) => v.id === titleId) ? titleId : first.id;
}

/** "3 versions" on a card; nothing for a title listed once. */
export function versionsLabel(versions: number | null | undefined): string | null {
  return versions && versions > 1 ? `${versions} versions` : null;
}

/** Move one entry of an ordered preference list up (-1) or down (+1); unchanged at the ends. */
export function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [here, there] = [next[index], next[target]];
  if (here === undefined || there === undefined) return next;
  next[index] = there;
  next[target] = here;
  return next;
}
