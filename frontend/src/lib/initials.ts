/** Initials and a stable colour for a name, for avatars and missing posters. */

export function initials(name: string, max = 2): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return "?";
  const picked = words.length > max ? [...words.slice(0, max - 1), words[words.length - 1]] : words;
  return picked
    .slice(0, max)
    .map((word) => (word ? [...word][0] ?? "" : ""))
    .join("")
    .toUpperCase();
}

/** A hue 0–359 from the text, so the same title always gets the same gradient. */
export function hueFor(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}
