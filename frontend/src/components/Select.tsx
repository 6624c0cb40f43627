import { type ComponentPropsWithRef, useId } from "react";
import { cx, inputClasses } from "../lib/ui";

type SelectProps = Omit<ComponentPropsWithRef<"select">, "id"> & {
  label: string;
  /** Keep the label for screen readers only (compact toolbars). */
  hideLabel?: boolean;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export default function Select({ label, hideLabel = false, options, className, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className={className}>
      <label
        htmlFor={id}
        className={cx(hideLabel ? "sr-only" : "mb-1.5 block text-sm font-medium text-zinc-800 dark:text-zinc-200")}
      >
        {label}
      </label>
      <select id={id} className={cx(inputClasses, "pr-8")} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
