import type { ListenFormat } from "./format";
import type { PlaybackStats } from "./playback-core";

/**
 * Where listened audio goes. The browser implementation is Web Audio (an AudioWorklet behind a gain);
 * jsdom has no Web Audio, so the listen client only ever talks to this interface and tests pass a fake.
 */
export interface SinkStats extends PlaybackStats {
  /** The browser's own output delay (AudioContext base + output latency), in ms. */
  outputLatencyMs: number;
}

export interface AudioSink {
  /** Prepares playback for the stream's format (called once). Rejects when the browser cannot play. */
  configure(format: ListenFormat): Promise<void>;
  /** Raw PCM bytes, in stream order; may arrive before `configure` has finished. */
  push(pcm: ArrayBuffer): void;
  /** Source channel to play, or null for all channels mixed. */
  select(only: number | null): void;
  /** 0..1 */
  setVolume(volume: number): void;
  /** Retries starting audio the browser held back until a click (autoplay policy). */
  resume(): Promise<void>;
  /** Stops playback and frees the audio device; nothing works afterwards. */
  close(): void;
  onStats: ((stats: SinkStats) => void) | null;
  /** Called with true while the browser keeps the audio suspended until a user gesture. */
  onBlocked: ((blocked: boolean) => void) | null;
}

export type AudioSinkFactory = () => AudioSink;
