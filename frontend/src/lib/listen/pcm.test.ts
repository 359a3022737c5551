import { pcmBytes } from "@/test/fake-audio-sink";
import { parseListenText, selectedChannelIndex } from "./format";
import { decodePcm16, mixChannels, mulawToPcm16, PcmDecoder, rms } from "./pcm";

describe("PCM decoding", () => {
  test("mono s16le becomes floats in -1..1, little-endian", () => {
    const [ch] = decodePcm16(pcmBytes([0, 16384, -16384, 32767, -32768]), 1);
    expect(Array.from(ch!)).toEqual([0, 0.5, -0.5, 32767 / 32768, -1]);
  });

  test("reads the bytes little-endian (low byte first)", () => {
    const [ch] = decodePcm16(new Uint8Array([0x00, 0x40, 0xff, 0xff]), 1);
    expect(Array.from(ch!)).toEqual([0.5, -1 / 32768]);
  });

  test("interleaved stereo splits into channel 0 (customer) and channel 1 (assistant)", () => {
    const [customer, assistant] = decodePcm16(pcmBytes([100, -200, 300, -400, 500, -600]), 2);
    expect(Array.from(customer!).map((v) => Math.round(v * 32768))).toEqual([100, 300, 500]);
    expect(Array.from(assistant!).map((v) => Math.round(v * 32768))).toEqual([-200, -400, -600]);
  });

  test("a frame that ends mid-sample keeps the rest for the next frame", () => {
    const decoder = new PcmDecoder(2);
    const bytes = new Uint8Array(pcmBytes([1000, 2000, 3000, 4000]));
    const first = decoder.decode(bytes.slice(0, 5)); // one stereo frame and one byte of the next
    const second = decoder.decode(bytes.slice(5));
    expect(first[0]!.length).toBe(1);
    expect(Math.round(first[1]![0]! * 32768)).toBe(2000);
    expect(Array.from(second[0]!).map((v) => Math.round(v * 32768))).toEqual([3000]);
    expect(Array.from(second[1]!).map((v) => Math.round(v * 32768))).toEqual([4000]);
  });

  test("decodes a real-sized 20 ms stereo frame (1,280 bytes) into 320 samples per channel", () => {
    const decoded = decodePcm16(new ArrayBuffer(1280), 2);
    expect(decoded.map((c) => c.length)).toEqual([320, 320]);
  });
});

describe("channel selection", () => {
  const customer = new Float32Array([0.5, 0, 0.9]);
  const assistant = new Float32Array([0, 0.25, 0.9]);

  test("'both' sums the two sides (each at full loudness), clipped to ±1", () => {
    const out = new Float32Array(3);
    mixChannels([customer, assistant], null, out);
    expect(Array.from(out)).toEqual([0.5, 0.25, 1]);
  });

  test("'customer' and 'assistant' play one side only", () => {
    const out = new Float32Array(3);
    mixChannels([customer, assistant], selectedChannelIndex({ channels: 2, channelRoles: ["customer", "assistant"] }, "customer"), out);
    expect(Array.from(out)).toEqual(Array.from(customer));
    mixChannels([customer, assistant], selectedChannelIndex({ channels: 2, channelRoles: ["customer", "assistant"] }, "assistant"), out);
    expect(Array.from(out)).toEqual(Array.from(assistant));
  });

  test("follows the announced channel roles, and mono has nothing to choose", () => {
    expect(selectedChannelIndex({ channels: 2, channelRoles: ["assistant", "customer"] }, "customer")).toBe(1);
    expect(selectedChannelIndex({ channels: 2, channelRoles: ["customer", "assistant"] }, "both")).toBeNull();
    expect(selectedChannelIndex({ channels: 1, channelRoles: ["mixed"] }, "assistant")).toBeNull();
  });

  test("rms of a full-scale square wave is 1, of silence 0", () => {
    expect(rms(new Float32Array([1, -1, 1, -1]))).toBe(1);
    expect(rms(new Float32Array(4))).toBe(0);
  });
});

describe("the listen protocol's text frames", () => {
  test("reads the relay's format message", () => {
    expect(parseListenText('{"type":"format","encoding":"pcm_s16le","sampleRate":16000,"channels":2,"channelRoles":["customer","assistant"],"source":"detected"}')).toEqual({
      type: "format",
      format: { encoding: "pcm_s16le", sampleRate: 16000, channels: 2, channelRoles: ["customer", "assistant"], source: "detected" },
    });
  });

  test("also understands the provider's own start frame (linear16)", () => {
    const frame = parseListenText('{"type":"start","encoding":"linear16","container":"raw","sampleRate":16000,"channels":1}');
    expect(frame).toMatchObject({ type: "format", format: { channels: 1, channelRoles: ["mixed"], sampleRate: 16000 } });
  });

  test("rejects formats it cannot play and ignores unknown messages", () => {
    expect(parseListenText('{"type":"format","encoding":"opus","sampleRate":48000,"channels":1}')).toEqual({ type: "unsupported", encoding: "opus" });
    expect(parseListenText('{"type":"format","encoding":"mulaw","sampleRate":8000,"channels":1}')).toMatchObject({ format: { encoding: "mulaw" } });
    expect(parseListenText('{"type":"format","encoding":"pcm_s16le","sampleRate":16000,"channels":6}')).toBeNull();
    expect(parseListenText('{"type":"hello"}')).toBeNull();
    expect(parseListenText("not json")).toBeNull();
  });

  test("reads the ended message", () => {
    expect(parseListenText('{"type":"ended","reason":"upstream-error","message":"Vapi closed the stream"}')).toEqual({
      type: "ended",
      reason: "upstream-error",
      message: "Vapi closed the stream",
    });
  });
});

describe("mu-law expansion", () => {
  test("expands G.711 mu-law codes to 16-bit PCM: silence, both extremes and a mid value", () => {
    const pcm = new Int16Array(mulawToPcm16(new Uint8Array([0xff, 0x7f, 0x80, 0x00, 0xcf, 0x4f])));
    expect(Array.from(pcm)).toEqual([0, 0, 32124, -32124, 924, -924]);
  });
});
