import { describe, expect, it } from "vitest";
import { allowedActions, canTakeAction, statusLabel, statusTone } from "./downloads";

describe("allowedActions", () => {
  it.each([
    ["active", ["pause", "cancel"]],
    ["paused", ["resume", "cancel"]],
    ["waiting", ["cancel"]],
    ["error", ["retry", "remove"]],
    ["complete", ["retry", "remove"]],
    ["removed", ["retry", "remove"]],
    ["verifying", []],
    ["canceled", ["remove"]],
  ])("allows %s downloads to %j", (status, expected) => {
    expect(allowedActions(status)).toEqual(expected);
  });

  it.each(["", "ACTIVE", "unknown", "constructor", "toString", "__proto__", null, undefined])(
    "allows nothing for %j",
    (status) => {
      expect(allowedActions(status)).toEqual([]);
    },
  );

  it("returns a fresh array each time", () => {
    const first = allowedActions("active");
    first.push("remove");
    expect(allowedActions("active")).toEqual(["pause", "cancel"]);
  });
});

describe("canTakeAction", () => {
  it("agrees with allowedActions", () => {
    expect(canTakeAction("active", "pause")).toBe(true);
    expect(canTakeAction("active", "resume")).toBe(false);
    expect(canTakeAction("complete", "retry")).toBe(true);
    expect(canTakeAction("canceled", "remove")).toBe(true);
    expect(canTakeAction("canceled", "retry")).toBe(false);
    expect(canTakeAction("bogus", "cancel")).toBe(false);
  });
});

describe("statusLabel and statusTone", () => {
  it.each([
    ["active", "Downloading", "info"],
    ["waiting", "Queued", "neutral"],
    ["paused", "Paused", "warning"],
    ["error", "Failed", "danger"],
    ["complete", "Completed", "success"],
    ["removed", "Removed", "neutral"],
    ["verifying", "Verifying…", "info"],
    ["canceled", "Canceled", "neutral"],
    ["something-new", "Unknown", "neutral"],
    [null, "Unknown", "neutral"],
  ])("shows %j as %s with tone %s", (status, label, tone) => {
    expect(statusLabel(status)).toBe(label);
    expect(statusTone(status)).toBe(tone);
  });
});
