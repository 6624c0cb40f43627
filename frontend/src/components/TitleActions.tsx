import { usePostAction } from "../hooks/usePostAction";
import { buttonClasses, cx } from "../lib/ui";
import Icon from "./Icon";

/** A title's secondary actions: its trailer, and reading it from the provider again. */
export default function TitleActions({ trailer, refreshUrl, name }: { trailer: string | null; refreshUrl: string; name: string }) {
  const [refreshing, refresh] = usePostAction(refreshUrl);

  return (
    <div className="flex flex-wrap items-center gap-2">
      {trailer && (
        <a href={trailer} target="_blank" rel="noopener noreferrer" className={cx(buttonClasses("ghost"), "px-3 py-1.5")}>
          <Icon name="play" className="size-4" />
          Trailer
          <span className="sr-only"> of {name} (opens a new tab)</span>
          <Icon name="external" className="size-3.5" />
        </a>
      )}
      <button
        type="button"
        onClick={refresh}
        disabled={refreshing}
        aria-busy={refreshing || undefined}
        title="Read this title from the provider again"
        className={cx(buttonClasses("ghost"), "px-3 py-1.5")}
      >
        <Icon name="refresh" className={cx("size-4", refreshing && "animate-spin")} />
        Refresh
        <span className="sr-only"> {name} from the provider</span>
      </button>
    </div>
  );
}
