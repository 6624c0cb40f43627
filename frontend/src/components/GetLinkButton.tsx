import { router } from "@inertiajs/react";
import { useState } from "react";
import { buttonClasses, type ButtonVariant, cx } from "../lib/ui";
import Icon from "./Icon";

type GetLinkButtonProps = {
  /** The POST route that makes the link (`/movies/1/link`, `/downloads/7/link`…). */
  url: string;
  /** The JSON body (a batch's episodes). */
  data?: Record<string, unknown>;
  label?: string;
  /** Said after the label to screen readers ("S01E02"). */
  subject?: string;
  variant?: ButtonVariant;
  className?: string;
  onDone?: () => void;
};

/**
 * Makes a link to download a file to one's own device; the link comes back with the page
 * (the `newLink` prop) and the dialog in the layout shows it.
 */
export default function GetLinkButton({
  url,
  data = {},
  label = "Get a link",
  subject,
  variant = "secondary",
  className,
  onDone,
}: GetLinkButtonProps) {
  const [busy, setBusy] = useState(false);

  function make() {
    router.post(url, data as never, {
      preserveScroll: true,
      preserveState: true,
      onStart: () => setBusy(true),
      onFinish: () => {
        setBusy(false);
        onDone?.();
      },
    });
  }

  return (
    <button
      type="button"
      onClick={make}
      disabled={busy}
      aria-busy={busy || undefined}
      className={cx(buttonClasses(variant), className)}
    >
      {busy ? (
        <span className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" aria-hidden="true" />
      ) : (
        <Icon name="link" className="size-4" />
      )}
      {label}
      {subject && <span className="sr-only"> {subject}</span>}
    </button>
  );
}
