import { useId, useRef, useState } from "react";
import { buttonClasses, cx, inputClasses } from "../lib/ui";
import Icon from "./Icon";

/** A read-only URL with a Copy button (the clipboard API, else the text is selected). */
export default function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      // Without clipboard access (plain http, an old browser) the text stays selected to copy by hand.
    }
  }

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          onFocus={(event) => event.target.select()}
          className={cx(inputClasses, "min-w-0 font-mono text-xs")}
        />
        <button type="button" onClick={copy} className={cx(buttonClasses("secondary"), "shrink-0 px-3")}>
          <Icon name={copied ? "check" : "copy"} className="size-4" />
          {copied ? "Copied" : "Copy"}
          <span className="sr-only"> {label}</span>
        </button>
      </div>
    </div>
  );
}
