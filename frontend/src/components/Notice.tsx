import type { ReactNode } from "react";
import { cx } from "../lib/ui";
import Icon, { type IconName } from "./Icon";

type NoticeProps = { tone?: "warning" | "info"; title: string; children?: ReactNode; className?: string };

const TONES = {
  warning: {
    box: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100",
    icon: "text-amber-700 dark:text-amber-300",
    name: "warning" as IconName,
  },
  info: {
    box: "border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100",
    icon: "text-sky-700 dark:text-sky-300",
    name: "info" as IconName,
  },
};

/** A banner that explains a state of the whole page (demo mode, a setting from the environment). */
export default function Notice({ tone = "info", title, children, className }: NoticeProps) {
  const style = TONES[tone];
  return (
    <div className={cx("flex gap-3 rounded-2xl border p-4", style.box, className)}>
      <Icon name={style.name} className={cx("mt-0.5 size-5 shrink-0", style.icon)} />
      <div className="text-sm">
        <p className="font-semibold">{title}</p>
        {children && <div className="mt-1">{children}</div>}
      </div>
    </div>
  );
}
