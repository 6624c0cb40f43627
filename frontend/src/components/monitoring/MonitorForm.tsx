import { useForm } from "@inertiajs/react";
import type { FormEvent } from "react";
import {
  browserTimeZone,
  initialSettings,
  minutesOf,
  timeAtMinute,
  toggleDay,
  toggleSeason,
  WEEKDAYS,
} from "../../lib/monitoring";
import { cx, inputClasses } from "../../lib/ui";
import type { MonitorItem, MonitorSettings } from "../../types";
import Button from "../Button";
import Checkbox from "../Checkbox";
import Select from "../Select";

type MonitorFormProps = {
  seriesId: number;
  /** The seasons the provider lists now (a monitor may also name seasons still to come). */
  knownSeasons: number[];
  monitor: MonitorItem | null;
  onDone: () => void;
};

const SCHEDULES = [
  { value: "hourly", label: "Every hour" },
  { value: "daily", label: "Every day" },
  { value: "weekly", label: "Every week" },
];

function timeZones(current: string): string[] {
  const zones =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [browserTimeZone()];
  return Array.from(new Set([current, "UTC", ...zones])).sort();
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1.5 text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}

/** Create or change a monitor: which seasons, from when, how often, in which time zone. */
export default function MonitorForm({ seriesId, knownSeasons, monitor, onDone }: MonitorFormProps) {
  const form = useForm<MonitorSettings>(initialSettings(monitor));
  const { data, setData, errors } = form;
  const url = `/series/${seriesId}/monitoring`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const options = { preserveScroll: true, onSuccess: onDone };
    if (monitor) form.patch(url, options);
    else form.post(url, options);
  }

  const radio = "size-4 accent-brand-600 dark:accent-brand-400";
  const legend = "text-sm font-medium text-zinc-800 dark:text-zinc-200";

  return (
    <form onSubmit={submit} className="space-y-5" noValidate aria-label={monitor ? "Change monitoring" : "Monitor this series"}>
      <fieldset aria-describedby={errors.seasons ? "monitor-seasons-error" : undefined}>
        <legend className={legend}>Seasons</legend>
        <div className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-2">
          <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input type="radio" className={radio} checked={data.seasons === "all"} onChange={() => setData("seasons", "all")} />
            All seasons, also future ones
          </label>
          <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input
              type="radio"
              className={radio}
              checked={data.seasons !== "all"}
              onChange={() => setData("seasons", knownSeasons.slice(-1))}
            />
            Only these:
          </label>
          {knownSeasons.map((season) => (
            <Checkbox
              key={season}
              label={season === 0 ? "Specials" : `Season ${season}`}
              checked={data.seasons !== "all" && data.seasons.includes(season)}
              onChange={() => setData("seasons", toggleSeason(data.seasons, season))}
            />
          ))}
        </div>
        <FieldError id="monitor-seasons-error" message={errors.seasons} />
      </fieldset>

      <fieldset aria-describedby={errors.from ? "monitor-from-error" : undefined}>
        <legend className={legend}>Which episodes</legend>
        <div className="mt-2 space-y-2">
          <label className="flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input type="radio" className={cx(radio, "mt-0.5")} checked={data.from === "future"} onChange={() => setData("from", "future")} />
            <span>New episodes only: the ones listed now are left alone.</span>
          </label>
          <label className="flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input type="radio" className={cx(radio, "mt-0.5")} checked={data.from === "all"} onChange={() => setData("from", "all")} />
            <span>Everything: also download the episodes there now, a few at a time.</span>
          </label>
        </div>
        <FieldError id="monitor-from-error" message={errors.from} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <Select
            label="How often"
            value={data.schedule}
            options={SCHEDULES}
            onChange={(event) => setData("schedule", event.target.value as MonitorSettings["schedule"])}
            aria-invalid={errors.schedule ? true : undefined}
          />
          <FieldError id="monitor-schedule-error" message={errors.schedule} />
        </div>
        <div>
          <label htmlFor="monitor-time" className="mb-1.5 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            {data.schedule === "hourly" ? "Minutes past the hour" : "At"}
          </label>
          <input
            id="monitor-time"
            type={data.schedule === "hourly" ? "number" : "time"}
            min={data.schedule === "hourly" ? 0 : undefined}
            max={data.schedule === "hourly" ? 59 : undefined}
            value={data.schedule === "hourly" ? minutesOf(data.time) : data.time}
            required
            onChange={(event) =>
              setData("time", data.schedule === "hourly" ? timeAtMinute(Number(event.target.value)) : event.target.value)
            }
            aria-invalid={errors.time ? true : undefined}
            aria-describedby={errors.time ? "monitor-time-error" : undefined}
            className={inputClasses}
          />
          <FieldError id="monitor-time-error" message={errors.time} />
        </div>
        <div>
          <Select
            label="Time zone"
            value={data.timezone}
            options={timeZones(data.timezone).map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
            onChange={(event) => setData("timezone", event.target.value)}
            aria-invalid={errors.timezone ? true : undefined}
          />
          <FieldError id="monitor-timezone-error" message={errors.timezone} />
        </div>
      </div>

      <fieldset aria-describedby={errors.days ? "monitor-days-error" : undefined}>
        <legend className={legend}>{data.schedule === "weekly" ? "On" : "Days"}</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {WEEKDAYS.map((day, index) => (
            <Checkbox key={day} label={day} checked={data.days.includes(index)} onChange={() => setData("days", toggleDay(data.days, index))} />
          ))}
        </div>
        <FieldError id="monitor-days-error" message={errors.days} />
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" busy={form.processing}>
          {monitor ? "Save changes" : "Start monitoring"}
        </Button>
        <Button variant="ghost" onClick={onDone} disabled={form.processing}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
