/**
 * A title's technical details in a few words ("1080p · H.264 High · AAC 5.1 · 4.8 Mb/s"),
 * from what the provider's probe says. Anything missing is left out; nothing throws.
 */

import type { TechnicalDetails } from "../types";

const CODECS: Record<string, string> = {
  h264: "H.264",
  avc: "H.264",
  hevc: "HEVC",
  h265: "HEVC",
  av1: "AV1",
  vp9: "VP9",
  mpeg4: "MPEG-4",
  mpeg2video: "MPEG-2",
  aac: "AAC",
  ac3: "Dolby Digital",
  eac3: "Dolby Digital Plus",
  truehd: "Dolby TrueHD",
  dts: "DTS",
  mp3: "MP3",
  opus: "Opus",
  flac: "FLAC",
};

/** "4K", "1080p", "720p", "576p"… by the picture's width first (wide films are short). */
export function resolutionLabel(width: number | null, height: number | null): string | null {
  if (!width && !height) return null;
  const w = width ?? 0;
  const h = height ?? 0;
  if (w >= 3200 || h >= 2000) return "4K";
  if (w >= 1800 || h >= 1000) return "1080p";
  if (w >= 1200 || h >= 700) return "720p";
  if (h > 0) return `${h}p`;
  return `${w} px wide`;
}

export function codecName(codec: string | null): string | null {
  if (!codec) return null;
  return CODECS[codec.toLowerCase()] ?? codec.toUpperCase();
}

/** 2 → "2.0", 6 → "5.1", 8 → "7.1"; the layout name when there is one. */
export function channelsLabel(channels: number | null, layout: string | null): string | null {
  if (channels === 6) return "5.1";
  if (channels === 8) return "7.1";
  if (channels === 2) return "2.0";
  if (channels === 1) return "mono";
  if (channels) return `${channels} ch`;
  return layout || null;
}

export function bitrateLabel(kbps: number | null): string | null {
  if (!kbps || kbps <= 0) return null;
  return kbps >= 1000 ? `${(kbps / 1000).toFixed(1)} Mb/s` : `${kbps} kb/s`;
}

/** The details as labelled facts, for a title page. */
export function technicalFacts(t: TechnicalDetails | null): Array<{ label: string; value: string }> {
  if (!t) return [];
  const size = t.width && t.height ? `${t.width}×${t.height}` : null;
  const resolution = resolutionLabel(t.width, t.height);
  const video = [codecName(t.videoCodec), t.videoProfile, t.frameRate ? `${t.frameRate} fps` : null, t.hdr]
    .filter(Boolean)
    .join(" · ");
  const audio = [codecName(t.audioCodec), channelsLabel(t.audioChannels, t.audioLayout), t.audioLanguage]
    .filter(Boolean)
    .join(" · ");
  const facts = [
    { label: "Resolution", value: [resolution, size && `(${size})`].filter(Boolean).join(" ") },
    { label: "Video", value: video },
    { label: "Audio", value: audio },
    { label: "Bitrate", value: bitrateLabel(t.bitrateKbps) ?? "" },
  ];
  return facts.filter((fact) => fact.value);
}

/** One short line, for an episode row: "1080p · HEVC · AAC 2.0". */
export function technicalSummary(t: TechnicalDetails | null): string {
  if (!t) return "";
  const audio = [codecName(t.audioCodec), channelsLabel(t.audioChannels, t.audioLayout)].filter(Boolean).join(" ");
  return [resolutionLabel(t.width, t.height), codecName(t.videoCodec), t.hdr, audio].filter(Boolean).join(" · ");
}
