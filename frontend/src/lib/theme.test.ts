import { describe, expect, it } from "vitest";
import {
  THEME_STORAGE_KEY,
  nextTheme,
  parseTheme,
  readStoredTheme,
  resolveTheme,
  writeStoredTheme,
} from "./theme";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const throwing = {
  getItem: () => {
    throw new Error("denied");
  },
  setItem: () => {
    throw new Error("denied");
  },
  removeItem: () => {
    throw new Error("denied");
  },
};

describe("theme", () => {
  it("parses only known themes", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("system")).toBe("system");
    expect(parseTheme("purple")).toBe("system");
    expect(parseTheme(null)).toBe("system");
  });

  it("follows the system preference only for the system theme", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("cycles light → dark → system → light", () => {
    expect(nextTheme("light")).toBe("dark");
    expect(nextTheme("dark")).toBe("system");
    expect(nextTheme("system")).toBe("light");
  });

  it("stores an explicit choice and forgets it for system", () => {
    const storage = memoryStorage();
    writeStoredTheme(storage, "dark");
    expect(storage.data.get(THEME_STORAGE_KEY)).toBe("dark");
    expect(readStoredTheme(storage)).toBe("dark");
    writeStoredTheme(storage, "system");
    expect(storage.data.has(THEME_STORAGE_KEY)).toBe(false);
    expect(readStoredTheme(storage)).toBe("system");
  });

  it("falls back to system when storage is missing or refuses", () => {
    expect(readStoredTheme(undefined)).toBe("system");
    expect(readStoredTheme(throwing)).toBe("system");
    expect(() => writeStoredTheme(throwing, "dark")).not.toThrow();
  });

  it("ignores a tampered stored value", () => {
    expect(readStoredTheme(memoryStorage({ [THEME_STORAGE_KEY]: "<script>" }))).toBe("system");
  });
});
