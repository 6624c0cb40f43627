/**
 * The "Retrying in 40 s (attempt 3 of 5)" line of a failed download.
 *
 * The worker retries a failed download automatically up to MAX_RETRY_ATTEMPTS times; when it
 * schedules one it bumps `retry_attempt` and sets `retry_next_at`, so `retry_attempt` is the
 * number of the attempt that is coming.
 */

import { formatDuration } from "./format";

export const MAX_RETRY_ATTEMPTS = 5;

/** Whole seconds until `retryNextAt`, or null when there is no retry ahead (or no date). */
export function secondsUntil(retryNextAt: string | null | undefined, now: number): number | null {
  if (!retryNextAt || !Number.isFinite(now)) return null;
  const at = Date.parse(retryNextAt);
  if (!Number.isFinite(at)) return null;
  const seconds = Math.ceil((at - now) / 1000);
  return seconds > 0 ? seconds : null;
}

/** Which attempt is next, kept inside 1…max so a stray counter never reads "attempt 9 of 5". */
export function attemptNumber(retryAttempt: number | null | undefined, max = MAX_RETRY_ATTEMPTS): number {
  const n = typeof retryAttempt === "number" && Number.isFinite(retryAttempt) ? Math.floor(retryAttempt) : 0;
  return Math.min(max, Math.max(1, n));
}

/**
 * "Retrying in 40 s (attempt 3 of 5)", or null once the time has passed (the worker is on it,
 * and the next stream update will say how it went).
 */
export function retryCountdownText(
  retryNextAt: string | null | undefined,
  retryAttempt: number | null | undefined,
  now: number,
  max = MAX_RETRY_ATTEMPTS,
): string | null {
  const seconds = secondsUntil(retryNextAt, now);
  if (seconds === null) return null;
  return `Retrying in ${formatDuration(seconds)} (attempt ${attemptNumber(retryAttempt, max)} of ${max})`;
}
