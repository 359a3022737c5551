const FLOOR_DB = -60;

/** RMS 0..1 → 0..1 on a decibel scale (-60 dB … 0 dB), which is how loudness is heard. */
export function levelToFraction(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(Math.min(1, rms));
  return Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB));
}
