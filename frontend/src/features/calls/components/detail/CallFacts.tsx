import { Section } from "@/components/ui/Card";
import type { CallView } from "@/lib/api-types";
import { formatPhone } from "@/lib/format";
import { parseServerTime } from "@/lib/time";
import { useTimeFormat } from "@/lib/time-zone";

/** Identifiers and the raw facts support people ask for. */
export function CallFacts({ call }: { call: CallView }) {
  const created = parseServerTime(call.createdAt);
  const time = useTimeFormat();
  const rows: [string, string | null, boolean?][] = [
    ["Call ID", call.id, true],
    ["Vapi type", call.type, true],
    ["Our number", call.ourNumber ? formatPhone(call.ourNumber) : null],
    ["Assistant", call.assistantName],
    ["Assistant ID", call.assistantId, true],
    ["Provider", call.provider],
    ["Created", created !== null ? time.short(created) : null],
    ["Time zone", created !== null ? time.zone ?? null : null],
  ];
  return (
    <Section title="Details">
      <dl className="space-y-1.5 text-sm">
        {rows
          .filter(([, value]) => value)
          .map(([label, value, mono]) => (
            <div key={label} className="grid grid-cols-[6rem_minmax(0,1fr)] gap-2">
              <dt className="text-slate-500">{label}</dt>
              <dd className={mono ? "truncate font-mono text-xs leading-5 text-slate-700" : "truncate text-slate-800"} title={value ?? undefined}>
                {value}
              </dd>
            </div>
          ))}
      </dl>
    </Section>
  );
}
