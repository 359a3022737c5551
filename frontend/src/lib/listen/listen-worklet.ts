/**
 * The listen AudioWorklet: runs on the audio thread, owns the jitter buffer, and renders one mono
 * quantum at a time (the destination plays mono on both speakers). Loaded with
 * `audioWorklet.addModule(url)`; Vite bundles it (`?worker&url`) with what it imports.
 */
import { PlaybackCore } from "./playback-core";
import { LISTEN_PROCESSOR, type FromWorklet, type ListenProcessorOptions, type ToWorklet } from "./worklet-protocol";

// AudioWorkletGlobalScope is not in TypeScript's libs; declared here, for this module only.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: unknown });
}
declare function registerProcessor(name: string, processor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessor): void;

class ListenProcessor extends AudioWorkletProcessor {
  private readonly core: PlaybackCore;

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const o = options.processorOptions as ListenProcessorOptions;
    this.core = new PlaybackCore({ channels: o.channels, sourceRate: o.sourceRate, outputRate: sampleRate, startMs: o.startMs, maxMs: o.maxMs });
    this.port.onmessage = (event: MessageEvent<ToWorklet>) => {
      const msg = event.data;
      if (msg.type === "pcm") this.core.push(msg.data);
      else if (msg.type === "select") this.core.select(msg.only);
    };
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const output = outputs[0];
    const first = output?.[0];
    if (!output || !first) return true;
    const stats = this.core.render(first);
    for (let c = 1; c < output.length; c++) output[c]!.set(first);
    if (stats) this.port.postMessage({ type: "stats", stats } satisfies FromWorklet);
    return true;
  }
}

registerProcessor(LISTEN_PROCESSOR, ListenProcessor);
