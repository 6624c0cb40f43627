import { router } from "@inertiajs/react";
import { type RefObject, useEffect, useState } from "react";

/**
 * Open/closed state for a menu or panel that closes on Escape (focus returns to its button),
 * on a click outside `container`, and whenever Inertia navigates.
 */
export function useDisclosure(
  container: RefObject<HTMLElement | null>,
  button: RefObject<HTMLElement | null>,
) {
  const [open, setOpen] = useState(false);

  useEffect(() => router.on("navigate", () => setOpen(false)), []);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open, container, button]);

  return { open, setOpen, toggle: () => setOpen((value) => !value) };
}
