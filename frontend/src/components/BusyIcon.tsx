import Icon, { type IconName } from "./Icon";

/** A button's icon, or a spinner while what it started is under way. */
export default function BusyIcon({ busy, icon }: { busy: boolean; icon: IconName }) {
  return busy ? (
    <span className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" aria-hidden="true" />
  ) : (
    <Icon name={icon} className="size-4" />
  );
}
