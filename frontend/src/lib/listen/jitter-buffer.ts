/**
 * A small jitter buffer between the network (bursty 20 ms frames) and the audio clock (a steady
 * render quantum). Pure and allocation-free while running, so the same code runs in the AudioWorklet
 * and in tests.
 *
 * - Starts playing once `startMs` of audio is buffered; until then, and after an underrun, it is
 *   "buffering" and renders silence.
 * - Adapts to the network: each underrun raises the start threshold by `stepMs` (up to
 *   `maxStartMs`), so a jittery connection stops rebuffering every second; after `relaxAfterMs` of
 *   clean playback it comes back down by half a step, toward `startMs`.
 * - Latency stays bounded: when more than the threshold + (`maxMs` − `startMs`) is waiting (a burst
 *   after a network stall, the relay's detection window), the oldest audio is dropped back to the
 *   threshold. At most maxStartMs + maxMs − startMs is ever buffered. And when the buffer stays
 *   more than `catchUpMarginMs` above the threshold for `catchUpAfterMs` (a burst that never drained),
 *   it skips back to the threshold once, so the delay returns to what the network needs.
 * - Storage is a fixed ring (`capacityMs`); pushing into a full ring drops the oldest audio too.
 * - Resamples from the source rate to the output rate by linear interpolation (a no-op copy when
 *   equal), so it works whatever rate the AudioContext runs at.
 */

export type JitterState = "buffering" | "playing";

export interface JitterBufferOptions {
  channels: number;
  sourceRate: number;
  outputRate: number;
  /** Audio buffered before playback (re)starts. */
  startMs?: number;
  /** Above this much buffered audio (plus however much the threshold has grown), drop back to the threshold. */
  maxMs?: number;
  /** The threshold never grows beyond this. */
  maxStartMs?: number;
  /** Threshold growth per underrun. */
  stepMs?: number;
  /** Clean playback after which the threshold shrinks again. */
  relaxAfterMs?: number;
  /** Excess over the threshold that, held for catchUpAfterMs, is skipped. */
  catchUpMarginMs?: number;
  catchUpAfterMs?: number;
  /** Ring size; must exceed maxMs. */
  capacityMs?: number;
}

export const DEFAULT_START_MS = 100;
export const DEFAULT_MAX_MS = 300;
export const DEFAULT_MAX_START_MS = 240;
const DEFAULT_STEP_MS = 40;
const DEFAULT_RELAX_AFTER_MS = 10_000;
const DEFAULT_CAPACITY_MS = 2000;

export class JitterBuffer {
  readonly channels: number;
  readonly sourceRate: number;
  readonly outputRate: number;
  /** The configured (minimum) start threshold. */
  readonly minStartFrames: number;
  private readonly maxStartFrames: number;
  private readonly headroomFrames: number;
  private readonly stepFrames: number;
  private readonly relaxAfterFrames: number;
  /** The current start threshold (adapts to underruns). */
  private startFrames: number;
  private cleanFrames = 0;
  private readonly catchUpMarginFrames: number;
  private readonly catchUpAfterFrames: number;
  private overFrames = 0;
  private readonly capacity: number;
  private readonly ring: Float32Array[];
  /** Source frames consumed per output frame. */
  private readonly step: number;
  private head = 0;
  private available = 0;
  /** Fractional read position past `head` (resampling only). */
  private frac = 0;
  private _state: JitterState = "buffering";
  private _underruns = 0;
  private _droppedFrames = 0;

  constructor(options: JitterBufferOptions) {
    this.channels = options.channels;
    this.sourceRate = options.sourceRate;
    this.outputRate = options.outputRate;
    const ms = (value: number) => Math.round((value * options.sourceRate) / 1000);
    this.minStartFrames = Math.max(1, ms(options.startMs ?? DEFAULT_START_MS));
    this.startFrames = this.minStartFrames;
    this.maxStartFrames = Math.max(this.minStartFrames, ms(options.maxStartMs ?? DEFAULT_MAX_START_MS));
    this.headroomFrames = Math.max(1, ms(options.maxMs ?? DEFAULT_MAX_MS) - this.minStartFrames);
    this.stepFrames = ms(options.stepMs ?? DEFAULT_STEP_MS);
    this.relaxAfterFrames = ms(options.relaxAfterMs ?? DEFAULT_RELAX_AFTER_MS);
    this.catchUpMarginFrames = ms(options.catchUpMarginMs ?? 60);
    this.catchUpAfterFrames = ms(options.catchUpAfterMs ?? 3000);
    this.capacity = Math.max((this.maxStartFrames + this.headroomFrames) * 2, ms(options.capacityMs ?? DEFAULT_CAPACITY_MS));
    this.ring = Array.from({ length: this.channels }, () => new Float32Array(this.capacity));
    this.step = options.sourceRate / options.outputRate;
  }

  /** Buffered audio needed before playback (re)starts, in ms. */
  get targetMs(): number {
    return (this.startFrames / this.sourceRate) * 1000;
  }

  /** Above this much buffered audio, the oldest is dropped (ms). */
  get maxMs(): number {
    return ((this.startFrames + this.headroomFrames) / this.sourceRate) * 1000;
  }

  get state(): JitterState {
    return this._state;
  }

  /** Times playback ran dry and went back to buffering. */
  get underruns(): number {
    return this._underruns;
  }

  /** Source frames thrown away to keep latency bounded (or because the ring was full). */
  get droppedFrames(): number {
    return this._droppedFrames;
  }

  get droppedMs(): number {
    return (this._droppedFrames / this.sourceRate) * 1000;
  }

  /** Audio waiting to be played, in source frames. */
  get bufferedFrames(): number {
    return Math.max(0, this.available - this.frac);
  }

  get bufferedMs(): number {
    return (this.bufferedFrames / this.sourceRate) * 1000;
  }

  /** Appends decoded audio (one array per channel, equal lengths). */
  push(channels: readonly Float32Array[]): void {
    const frames = channels[0]?.length ?? 0;
    if (frames === 0) return;
    let start = 0;
    if (frames > this.capacity) {
      // Larger than the whole ring: only its newest part can ever play.
      this._droppedFrames += frames - this.capacity;
      start = frames - this.capacity;
    }
    const count = frames - start;
    const overflow = this.available + count - this.capacity;
    if (overflow > 0) this.discard(overflow);
    const tail = (this.head + this.available) % this.capacity;
    for (let c = 0; c < this.channels; c++) {
      const src = channels[c] ?? channels[0]!;
      const dst = this.ring[c]!;
      const first = Math.min(count, this.capacity - tail);
      dst.set(src.subarray(start, start + first), tail);
      if (first < count) dst.set(src.subarray(start + first, start + count), 0);
    }
    this.available += count;
  }

  /**
   * Fills `out` (one array per channel) with the next `frames` output frames and returns how many
   * carry audio; the rest are silence (buffering, or an underrun mid-quantum).
   */
  read(out: Float32Array[], frames = out[0]?.length ?? 0): number {
    if (this._state === "buffering") {
      if (this.available < this.startFrames) {
        for (const ch of out) ch.fill(0, 0, frames);
        return 0;
      }
      this._state = "playing";
    }
    if (this.available > this.startFrames + this.headroomFrames) {
      this.discard(this.available - this.startFrames);
      this.frac = 0;
      this.overFrames = 0;
    } else if (this.available > this.startFrames + this.catchUpMarginFrames) {
      this.overFrames += frames * this.step;
      if (this.overFrames >= this.catchUpAfterFrames) {
        this.discard(this.available - this.startFrames);
        this.frac = 0;
        this.overFrames = 0;
      }
    } else {
      this.overFrames = 0;
    }

    const resampling = this.step !== 1;
    let produced = 0;
    let pos = this.frac;
    for (; produced < frames; produced++) {
      const k = Math.floor(pos);
      if (k >= this.available) break;
      const f = pos - k;
      const i0 = (this.head + k) % this.capacity;
      const i1 = k + 1 < this.available ? (i0 + 1) % this.capacity : i0;
      for (let c = 0; c < out.length; c++) {
        const ring = this.ring[c] ?? this.ring[0]!;
        const a = ring[i0]!;
        out[c]![produced] = resampling ? a + (ring[i1]! - a) * f : a;
      }
      pos += this.step;
    }

    if (produced < frames) {
      // Ran dry: what is left is silence, and playback waits for startMs again.
      for (const ch of out) ch.fill(0, produced, frames);
      this.head = (this.head + this.available) % this.capacity;
      this.available = 0;
      this.frac = 0;
      this._state = "buffering";
      this._underruns += 1;
      this.startFrames = Math.min(this.maxStartFrames, this.startFrames + this.stepFrames);
      this.cleanFrames = 0;
      this.overFrames = 0;
      return produced;
    }
    const whole = Math.floor(pos);
    this.head = (this.head + whole) % this.capacity;
    this.available -= whole;
    this.frac = pos - whole;
    this.cleanFrames += whole;
    if (this.cleanFrames >= this.relaxAfterFrames && this.startFrames > this.minStartFrames) {
      this.startFrames = Math.max(this.minStartFrames, this.startFrames - Math.ceil(this.stepFrames / 2));
      this.cleanFrames = 0;
    }
    return produced;
  }

  /** Forgets everything buffered (not counted as dropped) and waits for startMs again. */
  clear(): void {
    this.overFrames = 0;
    this.head = 0;
    this.available = 0;
    this.frac = 0;
    this._state = "buffering";
  }

  private discard(frames: number): void {
    const n = Math.min(frames, this.available);
    this.head = (this.head + n) % this.capacity;
    this.available -= n;
    this._droppedFrames += n;
  }
}
