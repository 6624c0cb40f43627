/** Shared class lists, so buttons and links that look alike stay alike. */

export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700 disabled:hover:bg-brand-600",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 shadow-sm hover:bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700",
  danger: "bg-red-700 text-white shadow-sm hover:bg-red-800 disabled:hover:bg-red-700",
  ghost:
    "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white",
};

export function buttonClasses(variant: ButtonVariant = "primary", extra?: string): string {
  return cx(
    "inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-60",
    VARIANTS[variant],
    extra,
  );
}

/** Inputs get a 3:1 border against their background (WCAG 1.4.11) in both themes. */
export const inputClasses = cx(
  "block w-full rounded-lg border border-zinc-500 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm",
  "placeholder:text-zinc-500 dark:border-zinc-500 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400",
  "aria-invalid:border-red-700 dark:aria-invalid:border-red-400",
  "read-only:bg-zinc-100 read-only:text-zinc-700 dark:read-only:bg-zinc-800 dark:read-only:text-zinc-300",
);

export const textLinkClasses =
  "font-medium text-brand-700 underline decoration-brand-700/40 underline-offset-2 hover:decoration-brand-700 dark:text-brand-300 dark:decoration-brand-300/40 dark:hover:decoration-brand-300";
