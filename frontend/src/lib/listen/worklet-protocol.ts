import type { PlaybackStats } from "./playback-core";

/** Messages between the page and the listen AudioWorklet (its port). */

export const LISTEN_PROCESSOR = "switchboard-listen";

export interface ListenProcessorOptions {
  channels: number;
  sourceRate: number;
  startMs?: number;
  maxMs?: number;
}

export type ToWorklet =
  | { type: "pcm"; data: ArrayBuffer }
  /** Source channel to play, or null for all mixed. */
  | { type: "select"; only: number | null };

export type FromWorklet = { type: "stats"; stats: PlaybackStats };
