import { describe, expect, it } from "vitest";
import type { MediaProbe } from "../types";
import { languageName, probeFacts, resolutionLabel } from "./probe";

const probe: MediaProbe = {
  container: "Matroska",
  duration_secs: 5640.2,
  width: 1920,
  height: 800,
  video_codec: "h264",
  audio_codecs: ["aac", "ac3", "aac"],
  audio_languages: ["fra", "eng"],
  subtitle_languages: [],
};

describe("probeFacts", () => {
  it("reads like a spec line, empty facts left out", () => {
    expect(probeFacts(probe)).toEqual([
      "Matroska",
      "1080p",
      "H.264",
      "AAC + Dolby Digital",
      "French, English",
      "1 h 34 min",
    ]);
    expect(probeFacts({ ...probe, width: null, height: null, audio_codecs: [], audio_languages: [], duration_secs: null })).toEqual([
      "Matroska",
      "H.264",
    ]);
    expect(probeFacts(null)).toEqual([]);
  });

  it("names the resolution class by width, as a scope film is still 1080p", () => {
    expect(resolutionLabel(3840, 1600)).toBe("2160p");
    expect(resolutionLabel(1280, 536)).toBe("720p");
    expect(resolutionLabel(720, 576)).toBe("576p");
    expect(resolutionLabel(null, 480)).toBe("480p");
    expect(resolutionLabel(null, null)).toBeNull();
  });

  it("keeps a language code it cannot name", () => {
    expect(languageName("ger")).toBe("German");
    expect(languageName("qqq")).toBe("qqq");
  });
});
