import { router } from "@inertiajs/react";
import { useState } from "react";
import type { BulkTarget, DownloadAction } from "../lib/downloads";
import { buttonClasses, cx } from "../lib/ui";
import BusyIcon from "./BusyIcon";
import ConfirmDialog from "./ConfirmDialog";
import type { IconName } from "./Icon";


type BulkButtonProps = {
  action: DownloadAction;
  label: string;
  target: BulkTarget;
  /** Ask first (what cannot be undone). */
  confirm?: { title: string; description: string };
  /** What the button acts on, for screen readers ("Harbour Lights · Season 1"). */
  subject?: string;
  variant?: "secondary" | "ghost";
};

const ICONS: Record<DownloadAction, IconName> = {
  pause: "pause",
  resume: "play",
  retry: "retry",
  cancel: "close",
  remove: "trash",
};

/** One action on many downloads (`POST /downloads/bulk`); the answer comes back as a toast. */
export default function BulkButton({ action, label, target, confirm, subject, variant = "secondary" }: BulkButtonProps) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);

  function send() {
    router.post(
      "/downloads/bulk",
      { action, ...target },
      {
        preserveScroll: true,
        onStart: () => setBusy(true),
        onFinish: () => {
          setBusy(false);
          setAsking(false);
        },
      },
    );
  }

  return (
    <>
      <button
        type="button"
        onClick={() => (confirm ? setAsking(true) : send())}
        disabled={busy}
        aria-busy={busy || undefined}
        className={cx(buttonClasses(variant), "px-3 py-1.5")}
      >
        <BusyIcon busy={busy} icon={ICONS[action]} />
        {label}
        {confirm && "…"}
        {subject && <span className="sr-only"> {subject}</span>}
      </button>
      {asking && confirm && (
        <ConfirmDialog
          open
          title={confirm.title}
          description={confirm.description}
          confirmLabel={label}
          cancelLabel="Not now"
          busy={busy}
          onConfirm={send}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}
