/**
 * Human-readable numbers for sizes, speeds, durations and dates.
 *
 * Every function accepts whatever the server or aria2 sent (aria2 reports sizes as strings
 * that the server turns into numbers, and a missing figure may arrive as NaN or a negative
 * sentinel), so none of them throws: nonsense input becomes "—" or 0.
 */

export const PLACEHOLDER = "—";

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"] as const;

function isUsable(n: number): boolean {
  return typeof n === "number" && Number.isFinite(n);
}

/** Binary units; more decimals for the large units, where one digit hides gigabytes. */
export function formatBytes(bytes: number): string {
  if (!isUsable(bytes) || bytes < 0) return PLACEHOLDER;
  if (bytes < 1024) return `${Math.floor(bytes)} B`;

  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Rounding can carry a value to 1024.0 (e.g. 1048575 B → "1024.0 KiB"): step up instead.
  const decimals = unit >= 3 ? 2 : 1;
  if (Number(value.toFixed(decimals)) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit >= 3 ? 2 : 1)} ${BYTE_UNITS[unit]}`;
}

export function formatSpeed(bytesPerSecond: number): string {
  if (!isUsable(bytesPerSecond) || bytesPerSecond <= 0) return PLACEHOLDER;
  return `${formatBytes(bytesPerSecond)}/s`;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Two most significant units, e.g. "45 s", "3 min 20 s", "1 h 05 min", "2 d 3 h". */
export function formatDuration(seconds: number): string {
  if (!isUsable(seconds) || seconds < 0) return PLACEHOLDER;
  const total = Math.round(seconds);

  if (total < MINUTE) return `${total} s`;
  if (total < HOUR) {
    const m = Math.floor(total / MINUTE);
    const s = total % MINUTE;
    return s === 0 ? `${m} min` : `${m} min ${s} s`;
  }
  if (total < DAY) {
    const h = Math.floor(total / HOUR);
    const m = Math.floor((total % HOUR) / MINUTE);
    return `${h} h ${pad2(m)} min`;
  }
  const d = Math.floor(total / DAY);
  const h = Math.floor((total % DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/**
 * Time left at the current speed; "—" when it cannot be known. Rounded up and never below one
 * second: "0 s left" while bytes remain is a promise no download keeps.
 */
export function formatEta(total: number, completed: number, speed: number): string {
  if (![total, completed, speed].every(isUsable)) return PLACEHOLDER;
  if (total <= 0 || speed <= 0 || completed < 0) return PLACEHOLDER;
  const remaining = total - completed;
  if (remaining <= 0) return PLACEHOLDER;
  return formatDuration(Math.max(1, Math.ceil(remaining / speed)));
}

/** Whole percent of a transfer, clamped to 0–100; 0 when the size is not known yet. */
export function progressPercent(total: number, completed: number): number {
  if (!isUsable(total) || !isUsable(completed) || total <= 0) return 0;
  const percent = (completed / total) * 100;
  return Math.min(100, Math.max(0, Math.floor(percent)));
}

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["week", 7 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

/** "3 minutes ago", "in 2 hours", "just now"; "—" for a date that does not parse. */
export function formatRelativeTime(
  isoDate: string | null | undefined,
  now: Date = new Date(),
  locale = "en",
): string {
  if (!isoDate) return PLACEHOLDER;
  const then = Date.parse(isoDate);
  const reference = now.getTime();
  if (!Number.isFinite(then) || !Number.isFinite(reference)) return PLACEHOLDER;

  const diffSeconds = (then - reference) / 1000;
  const magnitude = Math.abs(diffSeconds);
  if (magnitude < 45) return "just now";

  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (magnitude >= size) return rtf.format(Math.trunc(diffSeconds / size), unit);
  }
  return rtf.format(Math.trunc(diffSeconds / MINUTE) || Math.sign(diffSeconds), "minute");
}
