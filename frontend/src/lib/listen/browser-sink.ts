import type { AudioSink, SinkStats } from "./audio-sink";
import type { ListenFormat } from "./format";
import { PlaybackCore, type PlaybackStats } from "./playback-core";
import { LISTEN_PROCESSOR, type FromWorklet, type ListenProcessorOptions, type ToWorklet } from "./worklet-protocol";
import workletUrl from "./listen-worklet.ts?worker&url";

/**
 * Web Audio playback: AudioContext → listen AudioWorklet (jitter buffer, channel selection, levels)
 * → gain (volume) → speakers. Create it inside the click that starts listening, so the browser lets
 * the audio start. Where AudioWorklet is unavailable (a page served over plain http from another
 * machine is not a secure context) the same PlaybackCore runs in a ScriptProcessorNode instead.
 */

/** Most listen streams are 16 kHz; running the context at that rate lets the browser resample once. */
const PREFERRED_RATE = 16000;
const MAX_PENDING_BYTES = 64_000 * 2;

type WebkitWindow = Window & { webkitAudioContext?: typeof AudioContext };

export function createBrowserSink(): AudioSink {
  const Ctor = window.AudioContext ?? (window as WebkitWindow).webkitAudioContext;
  if (!Ctor) return new FailedSink("This browser cannot play live audio (no Web Audio support).");
  let ctx: AudioContext;
  try {
    ctx = new Ctor({ latencyHint: "interactive", sampleRate: PREFERRED_RATE });
  } catch {
    try {
      ctx = new Ctor({ latencyHint: "interactive" });
    } catch (error) {
      return new FailedSink(`The browser refused to open an audio output (${(error as Error).message}).`);
    }
  }
  return new WebAudioSink(ctx);
}

class WebAudioSink implements AudioSink {
  onStats: ((stats: SinkStats) => void) | null = null;
  onBlocked: ((blocked: boolean) => void) | null = null;
  private readonly ctx: AudioContext;
  private readonly gain: GainNode;
  private readonly workletReady: Promise<boolean>;
  private port: MessagePort | null = null;
  private script: ScriptProcessorNode | null = null;
  private worklet: AudioWorkletNode | null = null;
  private core: PlaybackCore | null = null;
  private pending: ArrayBuffer[] = [];
  private pendingBytes = 0;
  private only: number | null = null;
  private closed = false;

  constructor(ctx: AudioContext) {
    this.ctx = ctx;
    this.gain = ctx.createGain();
    this.gain.connect(ctx.destination);
    this.workletReady = ctx.audioWorklet
      ? ctx.audioWorklet.addModule(workletUrl).then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
    ctx.onstatechange = () => this.onBlocked?.(ctx.state === "suspended");
    void ctx.resume().catch(() => undefined);
  }

  async configure(format: ListenFormat): Promise<void> {
    const useWorklet = await this.workletReady;
    if (this.closed) return;
    const options: ListenProcessorOptions = { channels: format.channels, sourceRate: format.sampleRate };
    if (useWorklet) {
      const node = new AudioWorkletNode(this.ctx, LISTEN_PROCESSOR, {
        numberOfInputs: 0,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        processorOptions: options,
      });
      node.port.onmessage = (event: MessageEvent<FromWorklet>) => {
        if (event.data.type === "stats") this.report(event.data.stats);
      };
      node.connect(this.gain);
      this.worklet = node;
      this.port = node.port;
    } else {
      if (typeof this.ctx.createScriptProcessor !== "function") throw new Error("This browser cannot play live audio here (no AudioWorklet).");
      const core = new PlaybackCore({ ...options, outputRate: this.ctx.sampleRate });
      const node = this.ctx.createScriptProcessor(1024, 1, 1);
      node.onaudioprocess = (event) => {
        const stats = core.render(event.outputBuffer.getChannelData(0));
        if (stats) this.report(stats);
      };
      node.connect(this.gain);
      this.core = core;
      this.script = node;
    }
    this.send({ type: "select", only: this.only });
    for (const data of this.pending) this.send({ type: "pcm", data });
    this.pending = [];
    this.pendingBytes = 0;
    if (this.ctx.state === "suspended") this.onBlocked?.(true);
  }

  push(pcm: ArrayBuffer): void {
    if (this.closed) return;
    if (this.port || this.core) {
      this.send({ type: "pcm", data: pcm });
      return;
    }
    // The worklet module is still loading: keep a bounded backlog (the jitter buffer trims it anyway).
    this.pending.push(pcm);
    this.pendingBytes += pcm.byteLength;
    while (this.pendingBytes > MAX_PENDING_BYTES && this.pending.length > 1) this.pendingBytes -= this.pending.shift()!.byteLength;
  }

  select(only: number | null): void {
    this.only = only;
    this.send({ type: "select", only });
  }

  setVolume(volume: number): void {
    if (this.closed) return;
    const v = Math.min(1, Math.max(0, volume));
    // A short ramp instead of a jump: no click when dragging the slider.
    this.gain.gain.setTargetAtTime(v, this.ctx.currentTime, 0.015);
  }

  async resume(): Promise<void> {
    if (!this.closed) await this.ctx.resume();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = [];
    if (this.port) {
      this.port.onmessage = null;
      this.port.close();
    }
    if (this.script) this.script.onaudioprocess = null;
    this.worklet?.disconnect();
    this.script?.disconnect();
    this.gain.disconnect();
    this.ctx.onstatechange = null;
    void this.ctx.close().catch(() => undefined);
  }

  private send(message: ToWorklet): void {
    if (this.closed) return;
    if (this.port) {
      this.port.postMessage(message, message.type === "pcm" ? [message.data] : []);
    } else if (this.core) {
      if (message.type === "pcm") this.core.push(message.data);
      else this.core.select(message.only);
    }
  }

  private report(stats: PlaybackStats): void {
    const ctx = this.ctx as AudioContext & { outputLatency?: number };
    const scriptDelay = this.script ? this.script.bufferSize / this.ctx.sampleRate : 0;
    const outputLatencyMs = ((ctx.baseLatency || 0) + (ctx.outputLatency || 0) + scriptDelay) * 1000;
    this.onStats?.({ ...stats, outputLatencyMs });
  }
}

/** A sink that cannot play: configure() rejects with the reason, so the panel can say it. */
class FailedSink implements AudioSink {
  onStats: ((stats: SinkStats) => void) | null = null;
  onBlocked: ((blocked: boolean) => void) | null = null;
  private readonly reason: string;

  constructor(reason: string) {
    this.reason = reason;
  }

  configure(): Promise<void> {
    return Promise.reject(new Error(this.reason));
  }
  push(): void {}
  select(): void {}
  setVolume(): void {}
  resume(): Promise<void> {
    return Promise.resolve();
  }
  close(): void {}
}
