import { useTheme } from "../../hooks/useTheme";
import { THEMES, type Theme } from "../../lib/theme";
import { cx } from "../../lib/ui";
import Card from "../Card";
import Icon, { type IconName } from "../Icon";

const OPTIONS: Record<Theme, { label: string; icon: IconName }> = {
  light: { label: "Light", icon: "sun" },
  dark: { label: "Dark", icon: "moon" },
  system: { label: "System", icon: "system" },
};

/** Radio buttons styled as tiles; stored in this browser only. */
export default function ThemeCard() {
  const [theme, setTheme] = useTheme();

  return (
    <Card title="Appearance" description="Saved in this browser. System follows your device's setting.">
      <fieldset>
        <legend className="sr-only">Theme</legend>
        <div className="grid grid-cols-3 gap-3">
          {THEMES.map((value) => (
            <label
              key={value}
              className={cx(
                "flex cursor-pointer flex-col items-center gap-2 rounded-xl border p-4 text-sm font-medium",
                "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 dark:has-[:focus-visible]:outline-brand-300",
                theme === value
                  ? "border-brand-600 bg-brand-50 text-brand-800 dark:border-brand-400 dark:bg-brand-500/15 dark:text-brand-200"
                  : "border-zinc-300 text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800",
              )}
            >
              <input
                type="radio"
                name="theme"
                value={value}
                checked={theme === value}
                onChange={() => setTheme(value)}
                className="sr-only"
              />
              <Icon name={OPTIONS[value].icon} className="size-6" />
              {OPTIONS[value].label}
            </label>
          ))}
        </div>
      </fieldset>
    </Card>
  );
}
