import { Link } from "@inertiajs/react";
import { useEffect, useId, useRef, useState } from "react";
import { formatRelativeTime } from "../lib/format";
import { buttonClasses, cx, textLinkClasses } from "../lib/ui";
import type { NewLink } from "../types";
import Button from "./Button";
import CopyField from "./CopyField";
import Icon from "./Icon";

/**
 * The link a person just got, shown once: the token is not kept on the server, so this is
 * the moment to copy it, download the file, or open the playlist in a player.
 */
export default function NewLinkDialog({ link, onClose }: { link: NewLink; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [playing, setPlaying] = useState(false);
  const until = new Date(link.expires_at);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="p-6">
        <h2 id={titleId} className="flex items-center gap-2 text-lg font-semibold">
          <Icon name="link" className="size-5 text-brand-700 dark:text-brand-300" />
          Your link is ready
        </h2>
        <p className="mt-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">{link.title}</p>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          It works until{" "}
          <time dateTime={link.expires_at} className="font-medium text-zinc-800 dark:text-zinc-200">
            {until.toLocaleString([], { dateStyle: "medium", timeStyle: "short" })}
          </time>{" "}
          ({formatRelativeTime(link.expires_at)}), without signing in — in VLC, on a TV or in a download
          manager. Anyone holding it can use it: share it only with people you trust. It is shown only now.
        </p>

        <div className="mt-5 space-y-4">
          {link.kind === "batch" ? (
            <>
              <CopyField label="Playlist (.m3u) for a player" value={link.playlist_url ?? link.url} />
              <CopyField label="List of links (.txt), one file per line" value={link.text_url ?? ""} />
              <div className="flex flex-wrap gap-2">
                <a href={link.playlist_url} download className={buttonClasses("secondary", "py-1.5")}>
                  <Icon name="download" className="size-4" />
                  Save the .m3u
                </a>
                <a href={link.text_url} download className={buttonClasses("secondary", "py-1.5")}>
                  <Icon name="download" className="size-4" />
                  Save the .txt
                </a>
              </div>
              {link.items && (
                <details className="text-sm">
                  <summary className="cursor-pointer font-medium text-zinc-800 dark:text-zinc-200">
                    Each episode's link ({link.items.length})
                  </summary>
                  <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto">
                    {link.items.map((item) => (
                      <li key={item.url}>
                        <a href={item.url} className={textLinkClasses}>
                          {item.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          ) : (
            <>
              <CopyField label="Link" value={link.url} />
              <div className="flex flex-wrap gap-2">
                <a href={link.url} className={buttonClasses("primary", "py-1.5")}>
                  <Icon name="download" className="size-4" />
                  Download to this device
                </a>
                {!playing && (
                  <Button variant="secondary" className="py-1.5" onClick={() => setPlaying(true)}>
                    <Icon name="play" className="size-4" />
                    Play here
                  </Button>
                )}
              </div>
              {playing && (
                <video
                  controls
                  autoPlay
                  src={link.url}
                  aria-label={`Playing ${link.title}`}
                  className="aspect-video w-full rounded-xl bg-black"
                />
              )}
            </>
          )}
        </div>

        <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-between">
          <Link href="/links" className={cx(textLinkClasses, "text-sm")}>
            All my links
          </Link>
          <Button variant="secondary" onClick={() => dialogRef.current?.close()} autoFocus>
            Close
          </Button>
        </div>
      </div>
    </dialog>
  );
}
