import { useState } from "react";
import { hueFor, initials } from "../lib/initials";
import { cx } from "../lib/ui";

type PosterProps = {
  src: string | null | undefined;
  /** The title, for the placeholder's initials and colour; the image itself is decorative. */
  title: string;
  className?: string;
  /** Eager for the one big poster at the top of a page, lazy everywhere else. */
  loading?: "lazy" | "eager";
  /** Smaller initials for thumbnails. */
  size?: "sm" | "md" | "lg";
};

const TEXT_SIZES = { sm: "text-sm", md: "text-3xl", lg: "text-5xl" } as const;

/**
 * Provider artwork, often missing or broken: until it loads (and if it fails) the box shows
 * the title's initials on a gradient of its own colour, so the grid never has holes or jumps.
 */
export default function Poster({ src, title, className, loading = "lazy", size = "md" }: PosterProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const [loadedSrc, setLoadedSrc] = useState<string | null>(null);
  const showImage = Boolean(src) && failedSrc !== src;
  const hue = hueFor(title);

  return (
    <div
      className={cx("relative overflow-hidden bg-zinc-800", className)}
      style={{
        backgroundImage: `linear-gradient(135deg, hsl(${hue} 45% 36%), hsl(${(hue + 50) % 360} 55% 20%))`,
      }}
    >
      <span
        aria-hidden="true"
        className={cx(
          "absolute inset-0 grid place-items-center p-2 text-center font-bold tracking-wide text-white/90 select-none",
          TEXT_SIZES[size],
        )}
      >
        {initials(title)}
      </span>
      {showImage && (
        <img
          src={src ?? undefined}
          alt=""
          loading={loading}
          decoding="async"
          referrerPolicy="no-referrer"
          ref={(img) => {
            // A cached image can finish before React sees its load event.
            if (img?.complete && img.naturalWidth > 0 && loadedSrc !== src) setLoadedSrc(src ?? null);
          }}
          onLoad={() => setLoadedSrc(src ?? null)}
          onError={() => setFailedSrc(src ?? null)}
          className={cx(
            "absolute inset-0 size-full object-cover transition-opacity duration-300",
            loadedSrc === src ? "opacity-100" : "opacity-0",
          )}
        />
      )}
    </div>
  );
}
