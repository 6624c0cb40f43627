import { router, usePage } from "@inertiajs/react";
import { useState } from "react";
import { cx } from "../lib/ui";
import { isOnWatchlist, watchlistActionLabel } from "../lib/watchlist";
import type { MediaCard } from "../types";
import Button from "./Button";
import Icon from "./Icon";

type WatchlistButtonProps = {
  media: Pick<MediaCard, "id" | "kind" | "name">;
  /** "button": a labelled button for title pages; "overlay": an icon over a card's poster. */
  variant?: "button" | "overlay";
};

/** Adds a title to the watchlist or takes it off; the state comes from the shared prop.
 *
 * The button names the action a click takes (no aria-pressed: its name changes with the state).
 */
export default function WatchlistButton({ media, variant = "button" }: WatchlistButtonProps) {
  const on = isOnWatchlist(usePage().props.watchlist, media);
  const [busy, setBusy] = useState(false);
  const label = watchlistActionLabel(on, media.name);

  function toggle() {
    const options = {
      preserveScroll: true,
      onStart: () => setBusy(true),
      onFinish: () => setBusy(false),
    };
    if (on) router.delete(`/watchlist/${media.kind}/${media.id}`, options);
    else router.post("/watchlist", { type: media.kind, id: media.id }, options);
  }

  if (variant === "overlay") {
    return (
      <button
        type="button"
        onClick={toggle}
        disabled={busy}
        aria-label={label}
        title={on ? "On your watchlist" : "Add to watchlist"}
        className={cx(
          "grid size-8 place-items-center rounded-full shadow-md ring-1 transition-colors disabled:opacity-60",
          on
            ? "bg-brand-600 text-white ring-brand-700 hover:bg-brand-700"
            : "bg-zinc-950/75 text-white ring-white/20 hover:bg-zinc-950/90",
        )}
      >
        <Icon name="bookmark" className={cx("size-4", on && "fill-current")} />
      </button>
    );
  }

  return (
    // The visible words are the whole name: they say what a click does (the page names the title).
    <Button variant="secondary" onClick={toggle} busy={busy}>
      {!busy && <Icon name="bookmark" className={cx("size-5", on && "fill-current text-brand-600 dark:text-brand-400")} />}
      {on ? "Remove from watchlist" : "Add to watchlist"}
    </Button>
  );
}
