/**
 * Which flash messages become toasts. Inertia keeps props a partial reload did not ask for,
 * so the same `flash` object can come back with a new page object: only a new object is news
 * (the server sends a new one each time it flashes, even the same words twice). A message
 * already on screen is shown once, its timer started again.
 */

import type { ToastTone } from "../components/Toast";

export interface ToastItem {
  id: number;
  tone: ToastTone;
  message: string;
}

export interface Flashable {
  flash?: { success: string | null; error: string | null } | null;
  errors?: Record<string, string> | null;
}

export function freshToasts(previous: Flashable | null, current: Flashable, nextId: () => number): ToastItem[] {
  const fresh: ToastItem[] = [];
  const { flash, errors } = current;
  if (flash && flash !== previous?.flash) {
    if (flash.success) fresh.push({ id: nextId(), tone: "success", message: flash.success });
    if (flash.error) fresh.push({ id: nextId(), tone: "error", message: flash.error });
  }
  if (errors?.action && errors !== previous?.errors) {
    fresh.push({ id: nextId(), tone: "error", message: errors.action });
  }
  return fresh;
}

/** `current` plus `fresh`, a repeated message replacing its older copy (a new id restarts it). */
export function withoutRepeats(current: readonly ToastItem[], fresh: readonly ToastItem[]): ToastItem[] {
  const merged = [...current];
  for (const toast of fresh) {
    const same = merged.findIndex((t) => t.tone === toast.tone && t.message === toast.message);
    if (same >= 0) merged.splice(same, 1);
    merged.push(toast);
  }
  return merged;
}
