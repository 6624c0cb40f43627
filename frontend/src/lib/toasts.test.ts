import { describe, expect, it } from "vitest";
import { freshToasts, withoutRepeats } from "./toasts";

function counter() {
  let n = 0;
  return () => ++n;
}

describe("freshToasts", () => {
  const flash = { success: "Download started.", error: null };

  it("turns a new flash into a toast", () => {
    expect(freshToasts(null, { flash, errors: {} }, counter())).toEqual([
      { id: 1, tone: "success", message: "Download started." },
    ]);
  });

  it("shows nothing again for the same flash object a partial reload kept", () => {
    const errors = {};
    expect(freshToasts({ flash, errors }, { flash, errors }, counter())).toEqual([]);
  });

  it("shows the same words again when the server flashed them again", () => {
    const again = { ...flash };
    expect(freshToasts({ flash, errors: {} }, { flash: again, errors: {} }, counter())).toHaveLength(1);
  });

  it("shows a refused action's error once", () => {
    const errors = { action: "You cannot pause a download in complete status." };
    const first = freshToasts(null, { flash: null, errors }, counter());
    expect(first.map((t) => t.tone)).toEqual(["error"]);
    expect(freshToasts({ flash: null, errors }, { flash: null, errors }, counter())).toEqual([]);
  });
});

describe("withoutRepeats", () => {
  it("keeps one toast per message, the newest", () => {
    const current = [{ id: 1, tone: "success" as const, message: "Download started." }];
    const merged = withoutRepeats(current, [
      { id: 2, tone: "success", message: "Download started." },
      { id: 3, tone: "error", message: "Download started." },
    ]);
    expect(merged.map((t) => t.id)).toEqual([2, 3]);
  });
});
