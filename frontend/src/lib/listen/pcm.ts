/**
 * Signed 16-bit little-endian PCM → float samples, one array per channel (interleaved input for
 * stereo). WebSocket frames normally hold whole sample frames, but nothing guarantees it: a frame that
 * ends mid-sample (or between the two channels of one sample frame) leaves the rest for the next one.
 */
export class PcmDecoder {
  readonly channels: number;
  private carry = new Uint8Array(0);

  constructor(channels: number) {
    if (channels < 1) throw new Error("channels must be at least 1");
    this.channels = channels;
  }

  /** Decodes every complete sample frame; keeps a trailing partial frame for the next call. */
  decode(input: ArrayBuffer | ArrayBufferView): Float32Array[] {
    let bytes = toBytes(input);
    if (this.carry.length > 0) {
      const joined = new Uint8Array(this.carry.length + bytes.length);
      joined.set(this.carry);
      joined.set(bytes, this.carry.length);
      bytes = joined;
    }
    const frameBytes = 2 * this.channels;
    const frames = Math.floor(bytes.length / frameBytes);
    const used = frames * frameBytes;
    this.carry = used < bytes.length ? bytes.slice(used) : new Uint8Array(0);
    return decodeFrames(bytes, frames, this.channels);
  }

  reset(): void {
    this.carry = new Uint8Array(0);
  }
}

/** Stateless decode of whole frames (a trailing partial frame is ignored). */
export function decodePcm16(input: ArrayBuffer | ArrayBufferView, channels: number): Float32Array[] {
  const bytes = toBytes(input);
  return decodeFrames(bytes, Math.floor(bytes.length / (2 * channels)), channels);
}

function decodeFrames(bytes: Uint8Array, frames: number, channels: number): Float32Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Float32Array[] = [];
  for (let c = 0; c < channels; c++) out.push(new Float32Array(frames));
  let offset = 0;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      out[c]![i] = view.getInt16(offset, true) / 32768;
      offset += 2;
    }
  }
  return out;
}

function toBytes(input: ArrayBuffer | ArrayBufferView): Uint8Array {
  return input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

/**
 * Writes what the listener hears into `out`: one channel (`only` = its index), or all channels summed
 * (the two sides of a call rarely talk at once, so a sum keeps each at full loudness; clipped to ±1).
 */
export function mixChannels(channels: readonly Float32Array[], only: number | null, out: Float32Array, frames = out.length): void {
  if (only !== null && channels[only]) {
    out.set(channels[only]!.subarray(0, frames));
    return;
  }
  if (channels.length === 1) {
    out.set(channels[0]!.subarray(0, frames));
    return;
  }
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (const ch of channels) sum += ch[i]!;
    out[i] = sum > 1 ? 1 : sum < -1 ? -1 : sum;
  }
}

/** Root mean square of the first `frames` samples (0 for none). */
export function rms(samples: Float32Array, frames = samples.length): number {
  if (frames <= 0) return 0;
  let sum = 0;
  for (let i = 0; i < frames; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / frames);
}

/** G.711 mu-law byte → 16-bit linear sample, for all 256 codes (the standard expansion). */
const MULAW_TABLE = (() => {
  const table = new Int16Array(256);
  for (let i = 0; i < 256; i++) {
    const u = ~i & 0xff;
    const exponent = (u >> 4) & 0x07;
    const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
    table[i] = u & 0x80 ? -magnitude : magnitude;
  }
  return table;
})();

/** Mu-law bytes (one per sample, interleaved as they come) → signed 16-bit little-endian PCM. */
export function mulawToPcm16(input: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  const bytes = toBytes(input);
  const out = new DataView(new ArrayBuffer(bytes.length * 2));
  for (let i = 0; i < bytes.length; i++) out.setInt16(i * 2, MULAW_TABLE[bytes[i]!]!, true);
  return out.buffer;
}
