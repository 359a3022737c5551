import type { TranscriptLine } from "@/lib/api-types";

/**
 * The transcript to show: the stored one (REST) plus the lines that arrived live since, each line once.
 * The REST answer is in speaking order; live lines are newer, so they go after it.
 */
export function mergeTranscript(stored: readonly TranscriptLine[], live: readonly TranscriptLine[]): readonly TranscriptLine[] {
  if (live.length === 0) return stored;
  const known = new Set(stored.map((l) => l.id));
  const fresh = live.filter((l) => !known.has(l.id));
  return fresh.length === 0 ? stored : [...stored, ...fresh];
}
