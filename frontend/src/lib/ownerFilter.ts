/** The admin's "whose downloads" filter on the Downloads page. */

import type { Owner } from "../types";

/** Sorted, unique, positive integer ids. */
export function normalizeOwnerIds(ids: readonly number[]): number[] {
  return [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))].sort((a, b) => a - b);
}

/** `/downloads?owners=1,3`, or `/downloads` for everyone; always back to page 1. */
export function ownersUrl(ids: readonly number[], path = "/downloads"): string {
  const owners = normalizeOwnerIds(ids);
  return owners.length > 0 ? `${path}?owners=${owners.join(",")}` : path;
}

export function toggleOwner(ids: readonly number[], id: number): number[] {
  return ids.includes(id) ? normalizeOwnerIds(ids.filter((x) => x !== id)) : normalizeOwnerIds([...ids, id]);
}

/** The filter button's text: "Everyone", "Ann", "Ann and Bob", "3 people". */
export function ownerFilterLabel(ids: readonly number[], options: readonly Owner[]): string {
  const chosen = options.filter((owner) => ids.includes(owner.id));
  if (chosen.length === 0) return "Everyone";
  if (chosen.length === 1) return chosen[0]?.name || chosen[0]?.email || "1 person";
  if (chosen.length === 2) return `${chosen[0]?.name} and ${chosen[1]?.name}`;
  return `${chosen.length} people`;
}
