import { describe, expect, it } from "vitest";
import type { TechnicalDetails } from "../types";
import { bitrateLabel, channelsLabel, resolutionLabel, technicalFacts, technicalSummary } from "./technical";

const NONE: TechnicalDetails = {
  width: null,
  height: null,
  videoCodec: null,
  videoProfile: null,
  frameRate: null,
  hdr: null,
  audioCodec: null,
  audioChannels: null,
  audioLayout: null,
  audioLanguage: null,
  bitrateKbps: null,
};

describe("technical details", () => {
  it("names resolutions by width first, so a wide film is still 1080p", () => {
    expect(resolutionLabel(1920, 800)).toBe("1080p");
    expect(resolutionLabel(3840, 1600)).toBe("4K");
    expect(resolutionLabel(1280, 720)).toBe("720p");
    expect(resolutionLabel(720, 576)).toBe("576p");
    expect(resolutionLabel(null, null)).toBeNull();
  });

  it("says channels and bitrates the way people read them", () => {
    expect(channelsLabel(6, "5.1(side)")).toBe("5.1");
    expect(channelsLabel(null, "stereo")).toBe("stereo");
    expect(channelsLabel(null, null)).toBeNull();
    expect(bitrateLabel(4823)).toBe("4.8 Mb/s");
    expect(bitrateLabel(640)).toBe("640 kb/s");
    expect(bitrateLabel(0)).toBeNull();
  });

  it("leaves out what the provider did not say", () => {
    expect(technicalFacts(null)).toEqual([]);
    expect(technicalFacts(NONE)).toEqual([]);
    const facts = technicalFacts({ ...NONE, width: 1920, height: 1080, videoCodec: "h264", audioCodec: "eac3", audioChannels: 6 });
    expect(facts).toEqual([
      { label: "Resolution", value: "1080p (1920×1080)" },
      { label: "Video", value: "H.264" },
      { label: "Audio", value: "Dolby Digital Plus · 5.1" },
    ]);
  });

  it("fits an episode's details on one line", () => {
    expect(technicalSummary({ ...NONE, width: 3840, height: 2160, videoCodec: "hevc", hdr: "HDR10", audioCodec: "aac", audioChannels: 2 })).toBe(
      "4K · HEVC · HDR10 · AAC 2.0",
    );
    expect(technicalSummary(null)).toBe("");
  });
});
