import { useCallback, useEffect, useState } from "react";

/**
 * Whether a line-clamped element hides some of its text (so a "Show more" button is worth
 * showing). Re-measured when the element resizes.
 */
export function useClamped<T extends HTMLElement>(): [(node: T | null) => void, boolean] {
  const [node, setNode] = useState<T | null>(null);
  const [clamped, setClamped] = useState(false);

  useEffect(() => {
    if (!node) return;
    const measure = () => setClamped(node.scrollHeight > node.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);

  return [useCallback((element: T | null) => setNode(element), []), clamped];
}
