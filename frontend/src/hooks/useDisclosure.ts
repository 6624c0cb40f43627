import { router } from "@inertiajs/react";
import { useEffect, useId, useRef, useState } from "react";

/**
 * Open/closed state for a menu or panel that closes on Escape (focus returns to its button),
 * on a click outside its container, and whenever Inertia navigates. Put `containerRef` on the
 * element wrapping button and panel, `buttonRef` on the button, and `panelId` on the panel.
 */
export function useDisclosure() {
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const [open, setOpen] = useState(false);

  useEffect(() => router.on("navigate", () => setOpen(false)), []);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open, containerRef, buttonRef]);

  return { containerRef, buttonRef, panelId, open, setOpen, toggle: () => setOpen((value) => !value) };
}
