/** The speed limit's input: a number and a unit on the page, bytes per second on the wire. */

export const SPEED_UNITS = [
  { value: "KiB", label: "KiB/s", factor: 1024 },
  { value: "MiB", label: "MiB/s", factor: 1024 * 1024 },
] as const;

export type SpeedUnit = (typeof SPEED_UNITS)[number]["value"];

/** 0 → "" (no limit); otherwise the largest unit that shows it without many decimals. */
export function speedParts(bytesPerSecond: number): { amount: string; unit: SpeedUnit } {
  if (!bytesPerSecond || bytesPerSecond <= 0) return { amount: "", unit: "MiB" };
  const mib = bytesPerSecond / (1024 * 1024);
  if (mib >= 1) return { amount: String(Math.round(mib * 100) / 100), unit: "MiB" };
  return { amount: String(Math.round((bytesPerSecond / 1024) * 100) / 100), unit: "KiB" };
}

/** "" or 0 → 0 (no limit); null for what is not a number. */
export function speedBytes(amount: string, unit: SpeedUnit): number | null {
  const text = amount.trim().replace(",", ".");
  if (text === "") return 0;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) return null;
  const factor = SPEED_UNITS.find((u) => u.value === unit)?.factor ?? 1;
  return Math.round(value * factor);
}
