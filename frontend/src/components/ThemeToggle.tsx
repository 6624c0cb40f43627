import { useTheme } from "../hooks/useTheme";
import { nextTheme, type Theme } from "../lib/theme";
import Icon, { type IconName } from "./Icon";

const ICONS: Record<Theme, IconName> = { light: "sun", dark: "moon", system: "system" };
const NAMES: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };

/** Cycles light → dark → system; the label says both the current theme and the next one. */
export default function ThemeToggle() {
  const [theme, setTheme] = useTheme();
  const next = nextTheme(theme);
  const label = `Theme: ${NAMES[theme]}. Switch to ${NAMES[next].toLowerCase()}.`;

  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      aria-label={label}
      title={label}
      className="grid size-9 place-items-center rounded-lg text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
    >
      <Icon name={ICONS[theme]} />
    </button>
  );
}
