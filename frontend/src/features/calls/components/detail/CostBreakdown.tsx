import { Section } from "@/components/ui/Card";
import type { CallView } from "@/lib/api-types";
import { formatUsd } from "@/lib/format";
import { costLines } from "../../model/cost-breakdown";

/** Total cost with what it was spent on (telephony, transcription, model, voice, platform, analysis). */
export function CostBreakdown({ call }: { call: CallView }) {
  const lines = costLines(call.costBreakdown);
  if (call.cost === null && lines.length === 0) return null;
  const total = call.cost ?? lines.reduce((sum, l) => sum + l.cost, 0);
  return (
    <Section title="Cost">
      <div className="overflow-hidden rounded-lg border border-slate-200 text-sm">
        {lines.length > 0 && (
          <ul className="divide-y divide-slate-100">
            {lines.map((line, i) => (
              <li key={i} className="flex items-baseline justify-between gap-3 px-3 py-2">
                <div className="min-w-0">
                  <div className="text-slate-700">{line.label}</div>
                  {line.detail && <div className="truncate text-xs text-slate-400">{line.detail}</div>}
                </div>
                <span className="shrink-0 text-slate-700 tabular-nums">{formatUsd(line.cost, true)}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="flex items-baseline justify-between gap-3 border-t border-slate-200 bg-slate-50 px-3 py-2 first:border-t-0">
          <span className="font-medium text-slate-900">Total</span>
          <span className="font-semibold text-slate-900 tabular-nums">{formatUsd(total, true)}</span>
        </div>
      </div>
    </Section>
  );
}
