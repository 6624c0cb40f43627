import { router } from "@inertiajs/react";
import { useState } from "react";
import type { DownloadAction } from "../lib/downloads";
import { buttonClasses, cx } from "../lib/ui";
import Checkbox from "./Checkbox";
import ConfirmDialog from "./ConfirmDialog";
import BusyIcon from "./BusyIcon";
import type { IconName } from "./Icon";

type DownloadActionsProps = {
  id: number;
  /** The row's title, so "Cancel" says what it cancels to a screen reader. */
  title: string;
  actions: DownloadAction[];
  /** A retry of a finished file is a re-download, and says so. */
  completed?: boolean;
};

const BUTTONS: Record<DownloadAction, { label: string; icon: IconName; asks: boolean }> = {
  pause: { label: "Pause", icon: "pause", asks: false },
  resume: { label: "Resume", icon: "play", asks: false },
  retry: { label: "Retry", icon: "retry", asks: true },
  cancel: { label: "Cancel", icon: "close", asks: true },
  remove: { label: "Remove", icon: "trash", asks: true },
};

type Dialog = "retry" | "cancel" | "remove" | null;

/** A row's buttons; retry, cancel and remove ask first, in a small dialog. */
export default function DownloadActions({ id, title, actions, completed = false }: DownloadActionsProps) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pending, setPending] = useState<DownloadAction | null>(null);
  const [deletePartial, setDeletePartial] = useState(false);
  const [restartFromZero, setRestartFromZero] = useState(false);

  function send(action: DownloadAction, extra: Record<string, boolean> = {}) {
    router.patch(
      `/downloads/${id}`,
      { action, ...extra },
      {
        preserveScroll: true,
        onStart: () => setPending(action),
        onFinish: () => {
          setPending(null);
          setDialog(null);
        },
      },
    );
  }

  function open(action: DownloadAction) {
    if (!BUTTONS[action].asks) return send(action);
    setDeletePartial(false);
    setRestartFromZero(false);
    setDialog(action as Dialog);
  }

  if (actions.length === 0) return null;

  return (
    <div className="flex flex-wrap justify-end gap-2">
      {actions.map((action) => {
        const { icon } = BUTTONS[action];
        const label = action === "retry" && completed ? "Download again" : BUTTONS[action].label;
        const busy = pending === action;
        return (
          <button
            key={action}
            type="button"
            onClick={() => open(action)}
            disabled={pending !== null}
            aria-busy={busy || undefined}
            className={cx(
              buttonClasses(action === "cancel" || action === "remove" ? "ghost" : "secondary"),
              "px-3 py-1.5",
            )}
          >
            <BusyIcon busy={busy} icon={icon} />
            {label}
            {BUTTONS[action].asks && "…"}
            <span className="sr-only"> {title}</span>
          </button>
        );
      })}

      {dialog === "retry" && completed && (
        <ConfirmDialog
          open
          title="Download it again?"
          description={
            <>
              “{title}” is already on the server. Downloading it again fetches the whole file from the provider
              once more and replaces the copy on disk — useful when that copy is damaged or was deleted.
            </>
          }
          confirmLabel="Download again"
          cancelLabel="Not now"
          confirmVariant="primary"
          busy={pending === "retry"}
          onConfirm={() => send("retry", { restart_from_zero: true })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "retry" && !completed && (
        <ConfirmDialog
          open
          title="Retry this download?"
          description={<>Vodarr will ask the provider for “{title}” again and carry on from what is already on disk.</>}
          confirmLabel="Retry"
          cancelLabel="Not now"
          confirmVariant="primary"
          busy={pending === "retry"}
          onConfirm={() => send("retry", { restart_from_zero: restartFromZero })}
          onClose={() => setDialog(null)}
        >
          <Checkbox
            label="Restart from zero (throw away the partial file)"
            checked={restartFromZero}
            onChange={(event) => setRestartFromZero(event.target.checked)}
          />
        </ConfirmDialog>
      )}
      {dialog === "cancel" && (
        <ConfirmDialog
          open
          title="Cancel this download?"
          description={<>“{title}” stops downloading. You can start it again later from its page.</>}
          confirmLabel="Cancel download"
          cancelLabel="Keep downloading"
          busy={pending === "cancel"}
          onConfirm={() => send("cancel", { delete_partial: deletePartial })}
          onClose={() => setDialog(null)}
        >
          <Checkbox
            label="Also delete the partial file"
            checked={deletePartial}
            onChange={(event) => setDeletePartial(event.target.checked)}
          />
        </ConfirmDialog>
      )}
      {dialog === "remove" && (
        <ConfirmDialog
          open
          title="Remove from the list?"
          description={<>“{title}” leaves the Downloads list. Files already on the server's disk are not deleted.</>}
          confirmLabel="Remove"
          cancelLabel="Keep it"
          busy={pending === "remove"}
          onConfirm={() => send("remove")}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
