import { describe, expect, it } from "vitest";
import { createValidator, resolveName, toSimpleValidationErrors } from "./precognition";

describe("the precognition stand-in", () => {
  it("fails loudly, naming why, if a form ever asks for live validation", () => {
    for (const call of [createValidator, resolveName, toSimpleValidationErrors]) {
      expect(() => call()).toThrow(/Django has no such endpoint/);
    }
  });
});
