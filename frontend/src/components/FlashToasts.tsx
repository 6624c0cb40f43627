import { usePage } from "@inertiajs/react";
import { useEffect, useRef, useState } from "react";
import Toast, { type ToastTone } from "./Toast";

type ToastItem = { id: number; tone: ToastTone; message: string };

let nextId = 1;

/**
 * Turns the server's flash messages (and an `errors.action` from a refused download action)
 * into toasts. Each Inertia visit brings a new page object, so the same message flashed twice
 * in a row still shows twice.
 */
export default function FlashToasts() {
  const page = usePage();
  const seen = useRef<object | null>(null);
  const [toasts, setToasts] = useState<ToastItem[]>([]);

  useEffect(() => {
    if (seen.current === page) return;
    seen.current = page;
    const { flash, errors } = page.props;
    const fresh: ToastItem[] = [];
    if (flash?.success) fresh.push({ id: nextId++, tone: "success", message: flash.success });
    if (flash?.error) fresh.push({ id: nextId++, tone: "error", message: flash.error });
    if (errors?.action) fresh.push({ id: nextId++, tone: "error", message: errors.action });
    if (fresh.length > 0) setToasts((current) => [...current, ...fresh].slice(-5));
  }, [page]);

  const dismiss = (id: number) => setToasts((current) => current.filter((t) => t.id !== id));

  return (
    <div className="pointer-events-none fixed top-20 right-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2">
      {toasts.map((toast) => (
        <Toast
          key={toast.id}
          tone={toast.tone}
          message={toast.message}
          onDismiss={() => dismiss(toast.id)}
        />
      ))}
    </div>
  );
}
