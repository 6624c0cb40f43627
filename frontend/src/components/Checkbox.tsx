import { type ComponentPropsWithRef, type ReactNode, useEffect, useId, useRef } from "react";
import { cx } from "../lib/ui";

type CheckboxProps = Omit<ComponentPropsWithRef<"input">, "id" | "type"> & {
  label: ReactNode;
  /** Keep the label for screen readers only (a row's own checkbox). */
  hideLabel?: boolean;
  /** The "some but not all" state of a select-all box. */
  indeterminate?: boolean;
};

export default function Checkbox({ label, hideLabel = false, indeterminate = false, className, ref, ...input }: CheckboxProps) {
  const id = useId();
  const inner = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    if (inner.current) inner.current.indeterminate = indeterminate;
  }, [indeterminate]);

  return (
    <div className={cx("flex items-center gap-2", className)}>
      <input
        ref={(node) => {
          inner.current = node;
          if (typeof ref === "function") ref(node);
          else if (ref) ref.current = node;
        }}
        id={id}
        type="checkbox"
        className="size-4 shrink-0 accent-brand-600 dark:accent-brand-400"
        {...input}
      />
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm text-zinc-700 dark:text-zinc-300"}>
        {label}
      </label>
    </div>
  );
}
