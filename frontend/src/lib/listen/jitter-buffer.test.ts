import { JitterBuffer } from "./jitter-buffer";
import { PlaybackCore } from "./playback-core";

/** 1 kHz source so 1 frame = 1 ms: thresholds read directly in frames. */
function buffer(options: Partial<ConstructorParameters<typeof JitterBuffer>[0]> = {}) {
  return new JitterBuffer({ channels: 1, sourceRate: 1000, outputRate: 1000, startMs: 100, maxMs: 300, ...options });
}

const ramp = (from: number, n: number) => Float32Array.from({ length: n }, (_, i) => (from + i) / 10000);
const out = (n: number) => [new Float32Array(n)];

describe("the jitter buffer", () => {
  test("stays silent and 'buffering' until the start threshold is buffered", () => {
    const jb = buffer();
    jb.push([ramp(0, 60)]);
    const o = out(20);
    expect(jb.read(o)).toBe(0);
    expect(Array.from(o[0]!).every((v) => v === 0)).toBe(true);
    expect(jb.state).toBe("buffering");
    expect(jb.bufferedMs).toBe(60);

    jb.push([ramp(60, 40)]); // 100 ms buffered
    expect(jb.read(o)).toBe(20);
    expect(jb.state).toBe("playing");
    expect(o[0]![0]).toBeCloseTo(0);
    expect(o[0]![19]).toBeCloseTo(19 / 10000);
    expect(jb.bufferedMs).toBe(80);
  });

  test("plays the audio in order, across the ring's wrap-around", () => {
    const jb = buffer({ capacityMs: 700, maxStartMs: 100 });
    const played: number[] = [];
    for (let i = 0; i < 40; i++) {
      jb.push([ramp(i * 20, 20)]);
      const o = out(20);
      if (jb.read(o) > 0) played.push(...Array.from(o[0]!).map((v) => Math.round(v * 10000)));
    }
    expect(played.length).toBeGreaterThan(600);
    expect(played.every((v, i) => i === 0 || v === played[i - 1]! + 1)).toBe(true);
  });

  test("an underrun fills the rest with silence, counts it and goes back to buffering", () => {
    const jb = buffer();
    jb.push([ramp(1, 110)]);
    const o = out(128);
    expect(jb.read(o)).toBe(110);
    expect(o[0]![109]).not.toBe(0);
    expect(Array.from(o[0]!.subarray(110)).every((v) => v === 0)).toBe(true);
    expect(jb.state).toBe("buffering");
    expect(jb.underruns).toBe(1);

    jb.push([ramp(0, 50)]);
    expect(jb.read(out(10))).toBe(0); // waits for the threshold again
  });

  test("drops the oldest audio when too far behind, so latency stays bounded", () => {
    const jb = buffer();
    jb.push([ramp(0, 1000)]); // a one-second burst (a stall, then everything at once)
    const o = out(10);
    jb.read(o);
    // Dropped back to the start threshold: plays the newest 100 ms, not the stale second.
    expect(Math.round(o[0]![0]! * 10000)).toBe(900);
    expect(jb.bufferedMs).toBe(90);
    expect(jb.droppedMs).toBe(900);
  });

  test("latency never exceeds the bound however the audio arrives", () => {
    const jb = buffer(); // threshold 100 → at most 240, headroom 200: never more than 440 ms behind
    let worst = 0;
    for (let tick = 0; tick < 500; tick++) {
      // bursty arrival: nothing for 9 ticks, then 10 ticks' worth at once, plus 10 % more than is played
      if (tick % 10 === 9) jb.push([ramp(0, 220)]);
      jb.read(out(20));
      expect(jb.bufferedMs).toBeLessThanOrEqual(jb.maxMs);
      worst = Math.max(worst, jb.bufferedMs);
    }
    expect(worst).toBeLessThanOrEqual(440);
    expect(jb.droppedFrames).toBeGreaterThan(0);
  });

  test("adapts to a jittery network: each underrun raises the start threshold, clean playback lowers it again", () => {
    const jb = buffer({ stepMs: 40, maxStartMs: 180, relaxAfterMs: 1000 });
    expect(jb.targetMs).toBe(100);
    for (let i = 0; i < 3; i++) {
      jb.push([ramp(0, jb.targetMs)]);
      jb.read(out(jb.targetMs + 10)); // plays everything, then runs dry
    }
    expect(jb.underruns).toBe(3);
    expect(jb.targetMs).toBe(180); // 100 → 140 → 180, capped
    expect(jb.maxMs).toBe(380); // the drop threshold moves with it

    // a second of clean playback: back down by half a step
    for (let i = 0; i < 60; i++) {
      jb.push([ramp(0, 20)]);
      jb.read(out(20));
    }
    expect(jb.state).toBe("playing");
    expect(jb.targetMs).toBe(160);
  });

  test("a buffer that stays fuller than needed skips back to the threshold, so the delay comes down", () => {
    const jb = buffer({ catchUpMarginMs: 60, catchUpAfterMs: 1000 });
    jb.push([ramp(0, 250)]); // a burst: 250 ms waiting, under the 300 ms drop limit
    for (let i = 0; i < 49; i++) {
      jb.push([ramp(0, 20)]);
      jb.read(out(20));
    }
    expect(jb.bufferedMs).toBe(250); // still behind after ~1 s
    jb.push([ramp(0, 20)]);
    jb.read(out(20));
    expect(jb.bufferedMs).toBeCloseTo(80, 0); // caught up: back to the 100 ms threshold, minus this quantum
    expect(jb.droppedMs).toBe(170);
  });

  test("a full ring drops its oldest audio rather than growing", () => {
    const jb = buffer({ capacityMs: 700, maxMs: 300, maxStartMs: 100 });
    jb.push([ramp(0, 500)]);
    jb.push([ramp(500, 500)]);
    expect(jb.bufferedMs).toBe(700);
    expect(jb.droppedFrames).toBe(300);
  });

  test("resamples 16 kHz to 48 kHz by interpolation, three output frames per source frame", () => {
    const jb = new JitterBuffer({ channels: 1, sourceRate: 16000, outputRate: 48000, startMs: 1, maxMs: 300 });
    jb.push([Float32Array.from({ length: 64 }, (_, i) => i / 100)]);
    const o = out(12);
    expect(jb.read(o)).toBe(12);
    expect(Array.from(o[0]!).map((v) => Math.round(v * 300))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(jb.bufferedFrames).toBe(60);
  });
});

describe("the playback core (what the AudioWorklet runs)", () => {
  const stereo = (customer: number, assistant: number, frames: number) => {
    const buf = new ArrayBuffer(frames * 4);
    const v = new DataView(buf);
    for (let i = 0; i < frames; i++) {
      v.setInt16(i * 4, customer * 32767 * (i % 2 ? -1 : 1), true);
      v.setInt16(i * 4 + 2, assistant * 32767 * (i % 2 ? -1 : 1), true);
    }
    return buf;
  };

  test("reports per-channel levels and the level of what is played, a few times a second", () => {
    const core = new PlaybackCore({ channels: 2, sourceRate: 16000, outputRate: 16000, startMs: 100, reportEveryMs: 64 });
    core.push(stereo(0.5, 0.1, 16000)); // 1 s: the buffer keeps its newest 100 ms
    const o = new Float32Array(128);
    const reports = [];
    for (let i = 0; i < 8; i++) {
      const r = core.render(o);
      if (r) reports.push(r);
    }
    expect(reports).toHaveLength(1); // 8 × 128 frames = 64 ms
    expect(reports[0]!.state).toBe("playing");
    expect(reports[0]!.levels[0]).toBeCloseTo(0.5, 2);
    expect(reports[0]!.levels[1]).toBeCloseTo(0.1, 2);
    expect(reports[0]!.level).toBeCloseTo(0.6, 2);
  });

  test("the level follows the selected channel", () => {
    const core = new PlaybackCore({ channels: 2, sourceRate: 16000, outputRate: 16000, startMs: 100, reportEveryMs: 8 });
    core.push(stereo(0.5, 0.1, 3200));
    core.select(1);
    const stats = core.render(new Float32Array(128));
    expect(stats!.level).toBeCloseTo(0.1, 2);
    expect(stats!.levels[0]).toBeCloseTo(0.5, 2);
  });

  test("silence until buffered: level 0 and 'buffering'", () => {
    const core = new PlaybackCore({ channels: 1, sourceRate: 16000, outputRate: 48000, reportEveryMs: 1 });
    core.push(new ArrayBuffer(640)); // 20 ms
    const stats = core.render(new Float32Array(128));
    expect(stats).toMatchObject({ state: "buffering", level: 0 });
    expect(stats!.bufferedMs).toBe(20);
  });
});
