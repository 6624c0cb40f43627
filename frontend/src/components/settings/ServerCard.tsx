import { router, usePage } from "@inertiajs/react";
import { type FormEvent, useId, useState } from "react";
import { SPEED_UNITS, type SpeedUnit, speedBytes, speedParts } from "../../lib/serverSettings";
import { cx, inputClasses } from "../../lib/ui";
import type { ServerSetting, ServerSettings } from "../../types";
import Button from "../Button";
import Card from "../Card";
import Checkbox from "../Checkbox";
import Select from "../Select";
import TextField from "../TextField";

const SYNC_CHOICES = [
  { value: "0", label: "Only when I press Sync now" },
  { value: "1", label: "Every hour" },
  { value: "3", label: "Every 3 hours" },
  { value: "6", label: "Every 6 hours" },
  { value: "12", label: "Every 12 hours" },
  { value: "24", label: "Every day" },
  { value: "168", label: "Every week" },
];

function fixed(setting: ServerSetting<unknown>): string | undefined {
  return setting.source === "environment" ? `Set by ${setting.variable} in the environment; change it there.` : undefined;
}

/**
 * Server-wide settings: aria2's speed limit and concurrency (applied at once, never above the
 * provider account's connections), the catalogue's sync schedule, how long links work, and
 * whether new members may download to the server. What the environment sets is shown, locked.
 */
export default function ServerCard({ server }: { server: ServerSettings }) {
  const errors = usePage().props.errors;
  const speedId = useId();
  const speed = speedParts(server.speedLimit.value);
  const [amount, setAmount] = useState(speed.amount);
  const [unit, setUnit] = useState<SpeedUnit>(speed.unit);
  const [concurrent, setConcurrent] = useState(
    server.concurrentDownloads.source === "default" ? "" : String(server.concurrentDownloads.value ?? ""),
  );
  const [sync, setSync] = useState(String(server.syncIntervalHours.value));
  const [lifetime, setLifetime] = useState(String(server.linkLifetimeHours.value));
  const [newMembers, setNewMembers] = useState(server.newMembersMayDownload);
  const [saving, setSaving] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});

  const syncChoices = SYNC_CHOICES.some((c) => c.value === sync)
    ? SYNC_CHOICES
    : [...SYNC_CHOICES, { value: sync, label: `Every ${sync} hours` }];
  const allowed = server.accountLimit;

  function save(event: FormEvent) {
    event.preventDefault();
    const data: Record<string, unknown> = { new_members_may_download: newMembers };
    const problems: Record<string, string> = {};
    if (!fixed(server.speedLimit)) {
      const bytes = speedBytes(amount, unit);
      if (bytes === null) problems.speed_limit = "Enter a speed, or leave it empty for no limit.";
      else data.speed_limit = bytes;
    }
    if (!fixed(server.concurrentDownloads)) {
      data.concurrent_downloads = concurrent.trim() === "" ? null : Number(concurrent);
    }
    if (!fixed(server.syncIntervalHours)) data.sync_interval_hours = Number(sync);
    if (!fixed(server.linkLifetimeHours)) data.link_lifetime_hours = Number(lifetime);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    router.patch("/settings/server", data as never, {
      preserveScroll: true,
      onStart: () => setSaving(true),
      onFinish: () => setSaving(false),
    });
  }

  const error = (field: string) => local[field] ?? errors[field];

  return (
    <Card
      title="Server"
      description="How fast and how many at once the server downloads, how often the catalogue syncs, and what people may do."
    >
      <form onSubmit={save} className="space-y-5" noValidate>
        <fieldset>
          <legend className="text-sm font-semibold text-zinc-900 dark:text-white">Downloads on the server</legend>
          <div className="mt-3 grid gap-5 sm:grid-cols-2">
            <div>
              <label htmlFor={speedId} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
                Speed limit
              </label>
              <div className="mt-1.5 flex gap-2">
                <div className="min-w-0 flex-1">
                  <input
                    id={speedId}
                    inputMode="decimal"
                    placeholder="No limit"
                    value={amount}
                    disabled={Boolean(fixed(server.speedLimit))}
                    onChange={(event) => setAmount(event.target.value)}
                    aria-invalid={error("speed_limit") ? true : undefined}
                    aria-describedby={`${speedId}-hint`}
                    className={inputClasses}
                  />
                </div>
                <div className="w-28 shrink-0">
                  <select
                    aria-label="Speed limit unit"
                    value={unit}
                    disabled={Boolean(fixed(server.speedLimit))}
                    onChange={(event) => setUnit(event.target.value as SpeedUnit)}
                    className={cx(inputClasses, "pr-8")}
                  >
                    {SPEED_UNITS.map((u) => (
                      <option key={u.value} value={u.value}>
                        {u.label}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <p id={`${speedId}-hint`} className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                {fixed(server.speedLimit) ?? "All downloads together. Empty: as fast as the provider sends."}
              </p>
              {error("speed_limit") && <p className="mt-1.5 text-sm text-red-700 dark:text-red-400">{error("speed_limit")}</p>}
            </div>
            <TextField
              label="Downloads at once"
              type="number"
              inputMode="numeric"
              min={1}
              max={allowed ?? undefined}
              placeholder={allowed ? `${allowed} (the provider's limit)` : "aria2's default (5)"}
              value={concurrent}
              disabled={Boolean(fixed(server.concurrentDownloads))}
              onChange={(event) => setConcurrent(event.target.value)}
              hint={
                fixed(server.concurrentDownloads) ??
                (allowed
                  ? `Never more than the ${allowed} connections the provider account allows; links being watched take from them.`
                  : "Empty: as many as the provider account allows.")
              }
              error={error("concurrent_downloads")}
            />
          </div>
        </fieldset>
        <div className="grid gap-5 sm:grid-cols-2">
          <Select
            label="Catalogue sync"
            value={sync}
            disabled={Boolean(fixed(server.syncIntervalHours))}
            onChange={(event) => setSync(event.target.value)}
            options={syncChoices}
          />
          <TextField
            label="Links work for (hours)"
            type="number"
            inputMode="numeric"
            min={1}
            max={720}
            value={lifetime}
            disabled={Boolean(fixed(server.linkLifetimeHours))}
            onChange={(event) => setLifetime(event.target.value)}
            hint={fixed(server.linkLifetimeHours) ?? "From when a link is made; 1 to 720 (30 days)."}
            error={error("link_lifetime_hours")}
          />
        </div>
        {(fixed(server.syncIntervalHours) || error("sync_interval_hours")) && (
          <p className="-mt-3 text-xs text-zinc-600 dark:text-zinc-400">{error("sync_interval_hours") ?? fixed(server.syncIntervalHours)}</p>
        )}
        <Checkbox
          label="New members may download to the server (without it they get links to their own device)"
          checked={newMembers}
          onChange={(event) => setNewMembers(event.target.checked)}
        />
        {error("new_members_may_download") && (
          <p className="text-sm text-red-700 dark:text-red-400">{error("new_members_may_download")}</p>
        )}
        <Button type="submit" busy={saving}>
          Save
        </Button>
      </form>
    </Card>
  );
}
