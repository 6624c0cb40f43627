import { Link } from "@inertiajs/react";
import { downloadStateSummary } from "../lib/downloadState";
import { cx, textLinkClasses } from "../lib/ui";
import type { DownloadItem } from "../types";
import Badge from "./Badge";
import ProgressBar from "./ProgressBar";

type DownloadStateNoteProps = {
  state: DownloadItem;
  /** What the bar is about, for screen readers ("Episode 2"). */
  subject: string;
  compact?: boolean;
};

/** Where the user's own download of a title stands, with a way to the Downloads page. */
export default function DownloadStateNote({ state, subject, compact = false }: DownloadStateNoteProps) {
  const summary = downloadStateSummary(state);
  if (!summary) return null;
  return (
    <div className={cx("flex flex-wrap items-center gap-x-3 gap-y-2", compact ? "text-xs" : "text-sm")}>
      <Badge tone={summary.tone} className="tabular-nums">
        {summary.label}
      </Badge>
      {summary.percent !== null && !compact && (
        <ProgressBar percent={summary.percent} tone={summary.tone} label={`${subject}: ${summary.percent} %`} className="w-40" />
      )}
      <Link href="/downloads" className={textLinkClasses}>
        {compact ? "Downloads" : "Open Downloads"}
      </Link>
    </div>
  );
}
