import type { RequestPayload } from "@inertiajs/core";
import { router } from "@inertiajs/react";
import { useState } from "react";

type Method = "post" | "patch" | "delete";

/**
 * Several buttons on one item that each send a request (run now, switch off, remove…): which
 * one is in flight, for its busy state, while the others wait. Keeps the scroll position.
 */
export function useVisit(onFinish?: () => void): [busy: string | null, visit: (key: string, method: Method, url: string, data?: RequestPayload) => void] {
  const [busy, setBusy] = useState<string | null>(null);

  function visit(key: string, method: Method, url: string, data: RequestPayload = {}) {
    router.visit(url, {
      method,
      data,
      preserveScroll: true,
      onStart: () => setBusy(key),
      onFinish: () => {
        setBusy(null);
        onFinish?.();
      },
    });
  }

  return [busy, visit];
}
