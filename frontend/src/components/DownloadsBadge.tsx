import { useLiveCounts } from "../hooks/useDownloadStream";
import { cx } from "../lib/ui";

const pill = "inline-flex min-w-5 items-center justify-center rounded-full px-1.5 text-xs font-semibold tabular-nums";

/**
 * Beside "Downloads" in the header: how many are downloading or queued, and how many failed
 * and need the person (no automatic retry pending). The live channel's first event brings the
 * counts (no query on every page render) and every later one keeps them current; the header
 * stays mounted across visits, so they stay on screen from page to page.
 */
export default function DownloadsBadge() {
  const counts = useLiveCounts(null);
  if (!counts) return null;
  const running = counts.active + counts.queued;
  const failed = counts.attention;
  if (running === 0 && failed === 0) return null;
  return (
    <span className="flex items-center gap-1" data-testid="downloads-badge">
      {running > 0 && (
        <span className={cx(pill, "bg-brand-600 text-white dark:bg-brand-500")}>
          {running}
          <span className="sr-only"> downloading</span>
        </span>
      )}
      {failed > 0 && (
        <span className={cx(pill, "bg-red-700 text-white dark:bg-red-600")} title={`${failed} failed`}>
          {failed}
          <span className="sr-only"> failed</span>
        </span>
      )}
    </span>
  );
}
