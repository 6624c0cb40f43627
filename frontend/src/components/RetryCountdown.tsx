import { useNow } from "../hooks/useNow";
import { retryCountdownText, secondsUntil } from "../lib/retry";
import Icon from "./Icon";

type RetryCountdownProps = { retryNextAt: string | null; retryAttempt: number };

/** "Retrying in 40 s (attempt 3 of 5)", ticking every second until the retry is due. */
export default function RetryCountdown({ retryNextAt, retryAttempt }: RetryCountdownProps) {
  const ahead = secondsUntil(retryNextAt, Date.now()) !== null;
  const now = useNow(ahead);
  const text = retryCountdownText(retryNextAt, retryAttempt, now);
  if (!text) return null;
  // Not a live region: a screen reader announcing every second would drown everything else.
  return (
    <p className="flex items-center gap-1.5 text-sm text-amber-800 tabular-nums dark:text-amber-300">
      <Icon name="clock" className="size-4 shrink-0" />
      {text}
    </p>
  );
}
