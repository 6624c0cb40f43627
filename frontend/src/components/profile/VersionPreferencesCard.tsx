import { useForm } from "@inertiajs/react";
import { type FormEvent, useState } from "react";
import { moved } from "../../lib/variants";
import { buttonClasses, cx } from "../../lib/ui";
import type { VersionChoice, VersionPreferences } from "../../types";
import Button from "../Button";
import Card from "../Card";
import Icon from "../Icon";
import SavedNote from "../SavedNote";
import Select from "../Select";

type OrderedListProps = {
  label: string;
  codes: string[];
  choices: VersionChoice[];
  onChange: (codes: string[]) => void;
  removable?: boolean;
  error?: string;
};

/** A list the person puts in order, best first, with buttons (no drag: keyboards work too). */
function OrderedList({ label, codes, choices, onChange, removable = false, error }: OrderedListProps) {
  const name = (code: string) => choices.find((choice) => choice.code === code)?.label ?? code;
  const iconButton = cx(buttonClasses("ghost"), "p-1.5");
  return (
    <div>
      <ol aria-label={label} className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {codes.map((code, index) => (
          <li key={code} className="flex items-center gap-2 px-3 py-2 text-sm">
            <span className="w-5 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{index + 1}.</span>
            <span className="flex-1 text-zinc-900 dark:text-zinc-100">{name(code)}</span>
            <button type="button" className={iconButton} disabled={index === 0} onClick={() => onChange(moved(codes, index, -1))}>
              <Icon name="up" className="size-4" />
              <span className="sr-only">Move {name(code)} up</span>
            </button>
            <button type="button" className={iconButton} disabled={index === codes.length - 1} onClick={() => onChange(moved(codes, index, 1))}>
              <Icon name="down" className="size-4" />
              <span className="sr-only">Move {name(code)} down</span>
            </button>
            {removable && (
              <button type="button" className={iconButton} onClick={() => onChange(codes.filter((c) => c !== code))}>
                <Icon name="close" className="size-4" />
                <span className="sr-only">Remove {name(code)}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      {error && <p className="mt-1.5 text-sm text-red-700 dark:text-red-400">{error}</p>}
    </div>
  );
}

/** Which version of a title Download (and series monitors) take: languages first, then quality. */
export default function VersionPreferencesCard({ preferences }: { preferences: VersionPreferences }) {
  const form = useForm({ languages: preferences.languages, qualities: preferences.qualities });
  const available = preferences.languageChoices.filter((choice) => !form.data.languages.includes(choice.code));
  const [adding, setAdding] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    form.put("/profile/versions", { preserveScroll: true });
  }

  function add() {
    const code = adding || available[0]?.code;
    if (code) form.setData("languages", [...form.data.languages, code]);
    setAdding("");
  }

  return (
    <Card
      title="Preferred versions"
      description="When the provider lists a title several times (4K, FHD, French, English…), Download takes the version you prefer: language first, then quality."
    >
      <form onSubmit={submit} className="space-y-6" noValidate>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Languages, best first</legend>
          {form.data.languages.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Any language: the best quality wins.</p>
          ) : (
            <OrderedList
              label="Preferred languages"
              codes={form.data.languages}
              choices={preferences.languageChoices}
              onChange={(codes) => form.setData("languages", codes)}
              removable
              error={form.errors.languages}
            />
          )}
          {available.length > 0 && (
            <div className="flex flex-wrap items-end gap-2">
              <Select
                label="Add a language"
                value={adding || (available[0]?.code ?? "")}
                onChange={(event) => setAdding(event.target.value)}
                options={available.map((choice) => ({ value: choice.code, label: choice.label }))}
                className="min-w-56 flex-1"
              />
              <Button variant="secondary" onClick={add}>
                Add
              </Button>
            </div>
          )}
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Quality, best first</legend>
          <OrderedList
            label="Preferred qualities"
            codes={form.data.qualities}
            choices={preferences.qualityChoices}
            onChange={(codes) => form.setData("qualities", codes)}
            error={form.errors.qualities}
          />
        </fieldset>
        <div className="flex items-center gap-4">
          <Button type="submit" busy={form.processing}>
            Save preferences
          </Button>
          <SavedNote show={form.recentlySuccessful} />
        </div>
      </form>
    </Card>
  );
}
