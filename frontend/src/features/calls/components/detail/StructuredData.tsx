import { Check, Minus, X } from "lucide-react";
import { Section } from "@/components/ui/Card";
import type { JsonValue } from "@/lib/api-types";
import { formatNumber, humanizeKey } from "@/lib/format";

/** The assistant's structured analysis (e.g. NPS score, booked, case type) as a key/value table. */
export function StructuredData({ data }: { data: { [key: string]: JsonValue } | null }) {
  const entries = data ? Object.entries(data) : [];
  if (entries.length === 0) return null;
  return (
    <Section title="Structured data">
      <dl className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 text-sm">
        {entries.map(([key, value]) => (
          <div key={key} className="flex items-baseline justify-between gap-3 px-3 py-2">
            <dt className="min-w-0 break-words text-slate-500" title={key}>
              {humanizeKey(key)}
            </dt>
            <dd className="max-w-[60%] min-w-0 text-right text-slate-900">
              <Value value={value} />
            </dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function Value({ value }: { value: JsonValue }) {
  if (value === null) return <Minus aria-label="empty" className="ml-auto size-4 text-slate-300" />;
  if (typeof value === "boolean") {
    return value ? (
      <span className="inline-flex items-center gap-1 font-medium text-emerald-700">
        <Check aria-hidden className="size-3.5" /> Yes
      </span>
    ) : (
      <span className="inline-flex items-center gap-1 font-medium text-slate-500">
        <X aria-hidden className="size-3.5" /> No
      </span>
    );
  }
  if (typeof value === "number") return <span className="font-medium tabular-nums">{formatNumber(value)}</span>;
  if (typeof value === "string") return <span className="break-words">{value}</span>;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")) {
    return <span className="break-words">{value.map((v) => String(v)).join(", ")}</span>;
  }
  return <pre className="overflow-x-auto text-left text-[11px] leading-snug text-slate-700">{JSON.stringify(value, null, 2)}</pre>;
}
