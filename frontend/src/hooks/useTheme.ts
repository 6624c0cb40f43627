import { useCallback, useSyncExternalStore } from "react";
import { type Theme, readStoredTheme, resolveTheme, writeStoredTheme } from "../lib/theme";

/**
 * One theme store for the whole tab: the header toggle and the profile card stay in step,
 * and "system" follows the OS setting live.
 */

const DARK_QUERY = "(prefers-color-scheme: dark)";
const listeners = new Set<() => void>();
let current: Theme = typeof window === "undefined" ? "system" : readStoredTheme(safeStorage());

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function systemPrefersDark(): boolean {
  return typeof window !== "undefined" && window.matchMedia?.(DARK_QUERY).matches === true;
}

export function applyTheme(theme: Theme = current): void {
  const dark = resolveTheme(theme, systemPrefersDark()) === "dark";
  document.documentElement.classList.toggle("dark", dark);
}

export function setTheme(theme: Theme): void {
  current = theme;
  writeStoredTheme(safeStorage(), theme);
  applyTheme(theme);
  listeners.forEach((notify) => notify());
}

/** Call once at start-up: applies the stored theme and follows OS and other-tab changes. */
export function initTheme(): void {
  applyTheme();
  window.matchMedia?.(DARK_QUERY).addEventListener("change", () => {
    if (current === "system") applyTheme();
  });
  window.addEventListener("storage", () => {
    const stored = readStoredTheme(safeStorage());
    if (stored !== current) setTheme(stored);
  });
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore(
    subscribe,
    () => current,
    () => "system" as Theme,
  );
  return [theme, useCallback((next: Theme) => setTheme(next), [])];
}
