import type { AudioSink, SinkStats } from "@/lib/listen/audio-sink";
import type { ListenFormat } from "@/lib/listen/format";

/** An AudioSink that records what the listen client asks of it; a test plays the audio thread. */
export class FakeAudioSink implements AudioSink {
  static instances: FakeAudioSink[] = [];

  onStats: ((stats: SinkStats) => void) | null = null;
  onBlocked: ((blocked: boolean) => void) | null = null;
  format: ListenFormat | null = null;
  readonly pushed: ArrayBuffer[] = [];
  only: number | null | undefined = undefined;
  volume: number | null = null;
  closed = false;
  configureError: Error | null = null;

  constructor() {
    FakeAudioSink.instances.push(this);
  }

  static reset(): void {
    FakeAudioSink.instances = [];
  }

  static latest(): FakeAudioSink {
    const sink = FakeAudioSink.instances.at(-1);
    if (!sink) throw new Error("no audio sink was created");
    return sink;
  }

  configure(format: ListenFormat): Promise<void> {
    this.format = format;
    return this.configureError ? Promise.reject(this.configureError) : Promise.resolve();
  }

  push(pcm: ArrayBuffer): void {
    this.pushed.push(pcm);
  }

  select(only: number | null): void {
    this.only = only;
  }

  setVolume(volume: number): void {
    this.volume = volume;
  }

  resume(): Promise<void> {
    return Promise.resolve();
  }

  close(): void {
    this.closed = true;
  }

  /** Audio thread side: a stats report. */
  reports(stats: Partial<SinkStats>): void {
    this.onStats?.({
      state: "playing",
      bufferedMs: 100,
      targetMs: 100,
      level: 0.2,
      levels: [0.2, 0.05],
      underruns: 0,
      droppedMs: 0,
      outputLatencyMs: 20,
      ...stats,
    });
  }
}

/** s16le bytes for the given sample values (already interleaved for stereo). */
export function pcmBytes(samples: readonly number[]): ArrayBuffer {
  const buffer = new ArrayBuffer(samples.length * 2);
  const view = new DataView(buffer);
  samples.forEach((s, i) => view.setInt16(i * 2, s, true));
  return buffer;
}
