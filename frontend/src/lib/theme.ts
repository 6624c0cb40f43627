/**
 * Light / dark / system colour theme, kept in localStorage and applied as `class="dark"`
 * on <html> (Tailwind's class-based dark variant, see app.css).
 */

export type Theme = "light" | "dark" | "system";

export const THEMES: readonly Theme[] = ["light", "dark", "system"];
export const THEME_STORAGE_KEY = "vodarr.theme";

export function parseTheme(value: unknown): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

export function resolveTheme(theme: Theme, systemPrefersDark: boolean): "light" | "dark" {
  if (theme === "system") return systemPrefersDark ? "dark" : "light";
  return theme;
}

export function nextTheme(theme: Theme): Theme {
  const index = THEMES.indexOf(theme);
  return THEMES[(index + 1) % THEMES.length] ?? "system";
}

// Storage can throw (private mode, blocked cookies): the theme is a nicety, never an error.
export function readStoredTheme(storage: Pick<Storage, "getItem"> | undefined): Theme {
  try {
    return parseTheme(storage?.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

export function writeStoredTheme(
  storage: Pick<Storage, "setItem" | "removeItem"> | undefined,
  theme: Theme,
): void {
  try {
    if (theme === "system") storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not persisted; the choice still applies until the tab closes.
  }
}
