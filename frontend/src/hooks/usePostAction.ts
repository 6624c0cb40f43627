import { router } from "@inertiajs/react";
import { useState } from "react";

/**
 * A button's POST with no body (test a connection, sync now): keeps the scroll position and
 * reports whether the request is in flight, for the button's busy state.
 */
export function usePostAction(url: string): [busy: boolean, run: () => void] {
  const [busy, setBusy] = useState(false);

  function run() {
    router.post(url, {}, {
      preserveScroll: true,
      onStart: () => setBusy(true),
      onFinish: () => setBusy(false),
    });
  }

  return [busy, run];
}
