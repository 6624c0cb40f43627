/**
 * What is inside a verified file, in words: "Matroska · 1080p · H.264 · AAC · French · 1 h 34 min".
 */

import type { MediaProbe } from "../types";
import { formatDuration } from "./format";

const CODECS: Record<string, string> = {
  h264: "H.264",
  hevc: "HEVC",
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

export function codecName(codec: string): string {
  return CODECS[codec] ?? codec.toUpperCase();
}

/** "2160p" for 4K, "1080p" for a 1920×800 scope film too: the width says the class. */
export function resolutionLabel(width: number | null, height: number | null): string | null {
  if (!width || !height) return height ? `${height}p` : null;
  if (width >= 3200 || height >= 1600) return "2160p";
  if (width >= 1800 || height >= 1000) return "1080p";
  if (width >= 1200 || height >= 700) return "720p";
  return `${height}p`;
}

/** "fra" → "French"; unknown codes stay as they are. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(code);
    return name && name !== "root" ? name : code;
  } catch {
    return code;
  }
}

/** The facts worth a glance, in reading order; empty ones are left out. */
export function probeFacts(probe: MediaProbe | null | undefined): string[] {
  if (!probe) return [];
  const audio = [...new Set(probe.audio_codecs.map(codecName))].join(" + ");
  const languages = probe.audio_languages.map(languageName).join(", ");
  return [
    probe.container,
    resolutionLabel(probe.width, probe.height),
    probe.video_codec ? codecName(probe.video_codec) : null,
    audio || null,
    languages || null,
    probe.duration_secs ? formatDuration(probe.duration_secs) : null,
  ].filter((fact): fact is string => Boolean(fact));
}
