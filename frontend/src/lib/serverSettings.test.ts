import { describe, expect, it } from "vitest";
import { speedBytes, speedParts } from "./serverSettings";

describe("the speed limit field", () => {
  it("shows bytes per second in the unit that reads best", () => {
    expect(speedParts(0)).toEqual({ amount: "", unit: "MiB" });
    expect(speedParts(5 * 1024 * 1024)).toEqual({ amount: "5", unit: "MiB" });
    expect(speedParts(512 * 1024)).toEqual({ amount: "512", unit: "KiB" });
    expect(speedParts(1.5 * 1024 * 1024)).toEqual({ amount: "1.5", unit: "MiB" });
  });

  it("sends bytes per second, 0 for no limit, null for nonsense", () => {
    expect(speedBytes("", "MiB")).toBe(0);
    expect(speedBytes("2,5", "MiB")).toBe(2.5 * 1024 * 1024);
    expect(speedBytes("800", "KiB")).toBe(800 * 1024);
    expect(speedBytes("-1", "KiB")).toBeNull();
    expect(speedBytes("fast", "KiB")).toBeNull();
  });
});
