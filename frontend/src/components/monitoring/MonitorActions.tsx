import { useState } from "react";
import { useVisit } from "../../hooks/useVisit";
import type { MonitorItem } from "../../types";
import Button from "../Button";
import ConfirmDialog from "../ConfirmDialog";
import Icon from "../Icon";

type MonitorActionsProps = {
  monitor: MonitorItem;
  /** Where the monitor is reached: `/series/{id}/monitoring` (one's own) or `/monitors/{id}`. */
  baseUrl: string;
  onEdit?: () => void;
};

/** Run now, switch on or off, stop (with a confirmation), and edit where there is a form. */
export default function MonitorActions({ monitor, baseUrl, onEdit }: MonitorActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, visit] = useVisit(() => setConfirming(false));
  const name = monitor.series.name;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        busy={busy === "run"}
        disabled={busy !== null || monitor.state === "running" || monitor.state === "paused_all"}
        onClick={() => visit("run", "post", `${baseUrl}/run-now`)}
        aria-label={`Run now: scan ${name} for new episodes`}
      >
        {busy !== "run" && <Icon name="refresh" className="size-4" />}
        Run now
      </Button>
      {onEdit && (
        <Button variant="secondary" onClick={onEdit} disabled={busy !== null} aria-label={`Change monitoring of ${name}`}>
          Change
        </Button>
      )}
      <Button
        variant="ghost"
        busy={busy === "toggle"}
        disabled={busy !== null}
        onClick={() => visit("toggle", "patch", baseUrl, { enabled: !monitor.enabled })}
        aria-label={monitor.enabled ? `Switch off monitoring of ${name}` : `Switch on monitoring of ${name}`}
      >
        {monitor.enabled ? "Switch off" : "Switch on"}
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(true)} disabled={busy !== null} aria-label={`Stop monitoring ${name}`}>
        <Icon name="trash" className="size-4" />
        Stop
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Stop monitoring ${name}?`}
        description="New episodes will no longer be downloaded by themselves. Downloads already made stay, and the monitor's activity log is deleted."
        confirmLabel="Stop monitoring"
        cancelLabel="Keep monitoring"
        busy={busy === "stop"}
        onConfirm={() => visit("stop", "delete", baseUrl)}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}
