import { JitterBuffer, type JitterState } from "./jitter-buffer";
import { mixChannels, PcmDecoder } from "./pcm";

/**
 * Everything between the socket's bytes and the speaker, except the Web Audio plumbing: decode,
 * jitter buffer, channel selection, and the level meters. The AudioWorklet (and the ScriptProcessor
 * fallback) call `render` once per audio quantum; it is pure, so tests drive it directly.
 */

export interface PlaybackStats {
  state: JitterState;
  bufferedMs: number;
  /** The jitter buffer's current start threshold (grows with network jitter). */
  targetMs: number;
  /** RMS (0..1) of what was played over the last report window: the selected channel(s), before volume. */
  level: number;
  /** RMS (0..1) per source channel over the same window (before selection and volume). */
  levels: number[];
  underruns: number;
  droppedMs: number;
}

export interface PlaybackCoreOptions {
  channels: number;
  sourceRate: number;
  outputRate: number;
  startMs?: number;
  maxMs?: number;
  maxStartMs?: number;
  /** How often stats are due (ms of output); the page updates its meters from them. */
  reportEveryMs?: number;
}

export class PlaybackCore {
  private readonly decoder: PcmDecoder;
  private readonly jitter: JitterBuffer;
  private readonly scratch: Float32Array[];
  private readonly reportEvery: number;
  private only: number | null = null;
  private sinceReport = 0;
  private mixSquares = 0;
  private readonly channelSquares: number[];

  constructor(options: PlaybackCoreOptions) {
    this.decoder = new PcmDecoder(options.channels);
    this.jitter = new JitterBuffer(options);
    this.scratch = Array.from({ length: options.channels }, () => new Float32Array(128));
    this.channelSquares = new Array<number>(options.channels).fill(0);
    this.reportEvery = Math.max(1, Math.round(((options.reportEveryMs ?? 80) * options.outputRate) / 1000));
  }

  /** Raw PCM bytes from the socket. */
  push(bytes: ArrayBuffer | ArrayBufferView): void {
    this.jitter.push(this.decoder.decode(bytes));
  }

  /** Which source channel to play (null: all of them mixed). */
  select(only: number | null): void {
    this.only = only;
  }

  /** Fills one output quantum; returns stats when a report is due, else null. */
  render(out: Float32Array): PlaybackStats | null {
    const frames = out.length;
    if (this.scratch[0]!.length < frames) {
      for (let c = 0; c < this.scratch.length; c++) this.scratch[c] = new Float32Array(frames);
    }
    this.jitter.read(this.scratch, frames);
    mixChannels(this.scratch, this.only, out, frames);

    for (let i = 0; i < frames; i++) this.mixSquares += out[i]! * out[i]!;
    for (let c = 0; c < this.scratch.length; c++) {
      const ch = this.scratch[c]!;
      let sum = 0;
      for (let i = 0; i < frames; i++) sum += ch[i]! * ch[i]!;
      this.channelSquares[c]! += sum;
    }
    this.sinceReport += frames;
    if (this.sinceReport < this.reportEvery) return null;
    return this.report();
  }

  stats(): PlaybackStats {
    return {
      state: this.jitter.state,
      bufferedMs: this.jitter.bufferedMs,
      targetMs: this.jitter.targetMs,
      level: 0,
      levels: this.channelSquares.map(() => 0),
      underruns: this.jitter.underruns,
      droppedMs: this.jitter.droppedMs,
    };
  }

  private report(): PlaybackStats {
    const n = this.sinceReport;
    const stats: PlaybackStats = {
      state: this.jitter.state,
      bufferedMs: this.jitter.bufferedMs,
      targetMs: this.jitter.targetMs,
      level: Math.sqrt(this.mixSquares / n),
      levels: this.channelSquares.map((s) => Math.sqrt(s / n)),
      underruns: this.jitter.underruns,
      droppedMs: this.jitter.droppedMs,
    };
    this.sinceReport = 0;
    this.mixSquares = 0;
    this.channelSquares.fill(0);
    return stats;
  }
}
