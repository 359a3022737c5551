/** A tiny line of daily calls (oldest to today), with the numbers in its title for screen readers and hover. */
export function Sparkline({ points, label }: { points: { date: string; calls: number }[]; label: string }) {
  const w = 112, h = 28;
  const max = Math.max(1, ...points.map((p) => p.calls));
  const step = points.length > 1 ? w / (points.length - 1) : w;
  const d = points.map((p, i) => `${(i * step).toFixed(1)},${(h - 2 - (p.calls / max) * (h - 4)).toFixed(1)}`).join(" ");
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${points.map((p) => p.calls).join(", ")}`} data-testid="sparkline">
      <polyline points={d} fill="none" stroke="#2563eb" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
}
