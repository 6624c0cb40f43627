import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// Both as qs loads them: the real package from node_modules and the stand-in (CommonJS).
const require = createRequire(import.meta.url);
type SideChannel = {
  assert(key: object): void;
  delete(key: object): boolean;
  get(key: object): unknown;
  has(key: object): boolean;
  set(key: object, value: unknown): void;
};
const real = require("side-channel") as () => SideChannel;
const shim = require("./side-channel.cjs") as () => SideChannel;

function script(channel: SideChannel): unknown[] {
  const a = {};
  const b = [1];
  const seen: unknown[] = [channel.has(a), channel.get(a)];
  channel.set(a, "first");
  channel.set(b, { nested: true });
  channel.set(a, "second");
  seen.push(channel.has(a), channel.get(a), channel.get(b), channel.has({}));
  seen.push(channel.delete(a), channel.has(a), channel.delete(a));
  seen.push(
    (() => {
      try {
        channel.assert(a);
        return "kept";
      } catch (error) {
        return error instanceof TypeError;
      }
    })(),
  );
  return seen;
}

describe("the side-channel stand-in", () => {
  it("answers as the real package does for object keys, the only keys qs uses", () => {
    expect(script(shim())).toEqual(script(real()));
  });

  it("keeps each channel's keys apart", () => {
    const key = {};
    const one = shim();
    const two = shim();
    one.set(key, 1);
    expect([one.get(key), two.has(key)]).toEqual([1, false]);
  });
});
