import { cn } from "@/components/ui/cn";
import { levelToFraction } from "@/lib/listen/level";

const SEGMENTS = 20;

/** A segmented horizontal meter: lit segments in the speaker's colour, the loudest ones amber/red. */
export function LevelMeter({ label, level, tone, dimmed, "data-testid": testId }: {
  label: string;
  level: number;
  tone: "emerald" | "blue" | "slate";
  dimmed?: boolean;
  "data-testid"?: string;
}) {
  const lit = Math.round(levelToFraction(level) * SEGMENTS);
  const on = { emerald: "bg-emerald-400", blue: "bg-sky-400", slate: "bg-slate-300" }[tone];
  return (
    <div data-testid={testId} data-level={level.toFixed(4)} className={cn("flex items-center gap-3 transition-opacity", dimmed && "opacity-40")}>
      <span className="w-16 shrink-0 text-xs font-medium text-slate-300">{label}</span>
      <div role="meter" aria-label={`${label} level`} aria-valuemin={0} aria-valuemax={1} aria-valuenow={Number(level.toFixed(3))} className="flex h-2.5 flex-1 gap-[3px]">
        {Array.from({ length: SEGMENTS }, (_, i) => (
          <span
            key={i}
            className={cn(
              "flex-1 rounded-[2px] transition-colors duration-75",
              i < lit ? (i >= SEGMENTS - 2 ? "bg-red-400" : i >= SEGMENTS - 5 ? "bg-amber-300" : on) : "bg-white/10",
            )}
          />
        ))}
      </div>
    </div>
  );
}
