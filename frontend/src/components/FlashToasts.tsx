import { usePage } from "@inertiajs/react";
import { useEffect, useRef, useState } from "react";
import { type Flashable, freshToasts, type ToastItem, withoutRepeats } from "../lib/toasts";
import Toast from "./Toast";

/**
 * Turns the server's flash messages (and an `errors.action` from a refused download action)
 * into toasts. A message is shown once per time the server sent it: a partial reload keeps the
 * page's old `flash` object, which is not news; and a message already on screen is not stacked
 * again. They sit at the bottom of the screen, clear of the page's heading and the header.
 */
export default function FlashToasts() {
  const page = usePage();
  const seen = useRef<Flashable | null>(null);
  const nextId = useRef(1);
  const [toasts, setToasts] = useState<ToastItem[]>([]);

  useEffect(() => {
    const { flash, errors } = page.props;
    const fresh = freshToasts(seen.current, { flash, errors }, () => nextId.current++);
    seen.current = { flash, errors };
    if (fresh.length > 0) setToasts((current) => withoutRepeats(current, fresh).slice(-5));
  }, [page]);

  const dismiss = (id: number) => setToasts((current) => current.filter((t) => t.id !== id));

  return (
    <div className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex flex-col gap-2 sm:inset-x-auto sm:right-4 sm:w-[min(24rem,calc(100vw-2rem))]">
      {toasts.map((toast) => (
        <Toast key={toast.id} tone={toast.tone} message={toast.message} onDismiss={() => dismiss(toast.id)} />
      ))}
    </div>
  );
}
