import { Search, X } from "lucide-react";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Field";
import { statusAppearance } from "@/features/calls/model/call-status";
import { EMPTY_FILTERS, hourLabel, weekdayLabel, type HistoryFilters } from "../model/filters";

const STATUSES = ["ended", "in-progress", "ringing", "queued", "forwarding", "scheduled"];
const CATEGORIES: [string, string][] = [
  ["customer_ended", "Caller hung up"], ["assistant_ended", "Assistant ended"], ["transferred", "Transferred"],
  ["unreached", "Not reached (no answer, busy, voicemail)"], ["error", "Error"], ["other", "Other"],
];

/**
 * The view's filters. Edits stay local until applied (Enter or "Apply"), so typing a phone number does not
 * fire a query per keystroke; applying writes them to the URL, which is what the table reads.
 */
export function FilterBar({ value, onApply }: { value: HistoryFilters; onApply: (f: HistoryFilters) => void }) {
  const [draft, setDraft] = useState(value);
  const [dataText, setDataText] = useState(() => value.data.map(([k, v]) => `${k}=${v}`).join(", "));
  const set = <K extends keyof HistoryFilters>(key: K, v: HistoryFilters[K]) => setDraft((d) => ({ ...d, [key]: v }));

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const data = dataText.split(",").map((pair) => pair.split("=")).filter((p) => p.length === 2 && p[0]!.trim() && p[1]!.trim())
      .map(([k, v]) => [k!.trim(), v!.trim()] as [string, string]);
    onApply({ ...draft, data });
  };

  return (
    <form onSubmit={submit} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" aria-label="History filters">
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Search aria-hidden className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" />
          <input
            aria-label="Search transcripts and summaries"
            placeholder="Search transcripts and summaries…"
            className={`${inputClass} pl-9`}
            value={draft.q}
            onChange={(e) => set("q", e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary">Apply</Button>
        <Button
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            setDataText("");
            onApply(EMPTY_FILTERS);
          }}
        >
          <X aria-hidden className="size-4" /> Clear
        </Button>
      </div>
      <div className="grid grid-cols-2 gap-3 @xl:grid-cols-3 @3xl:grid-cols-4 @6xl:grid-cols-6">
        <Labelled label="Status">
          <select aria-label="Status" className={inputClass} value={draft.status[0] ?? ""} onChange={(e) => set("status", e.target.value ? [e.target.value] : [])}>
            <option value="">Any</option>
            {STATUSES.map((s) => <option key={s} value={s}>{statusAppearance({ status: s, endedReason: null }).label}</option>)}
          </select>
        </Labelled>
        <Labelled label="Outcome">
          <select aria-label="Outcome" className={inputClass} value={draft.category[0] ?? ""} onChange={(e) => set("category", e.target.value ? [e.target.value] : [])}>
            <option value="">Any</option>
            {CATEGORIES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </Labelled>
        <Labelled label="Type">
          <select aria-label="Type" className={inputClass} value={draft.type[0] ?? ""} onChange={(e) => set("type", e.target.value ? [e.target.value] : [])}>
            <option value="">Any</option>
            <option value="inbound">Inbound</option>
            <option value="outbound">Outbound</option>
            <option value="web">Web</option>
          </select>
        </Labelled>
        <Labelled label="Success">
          <select aria-label="Success" className={inputClass} value={draft.success} onChange={(e) => set("success", e.target.value)}>
            <option value="">Any</option>
            <option value="true">Successful</option>
            <option value="false">Not successful</option>
          </select>
        </Labelled>
        <Labelled label="Transferred">
          <select aria-label="Transferred" className={inputClass} value={draft.transferred} onChange={(e) => set("transferred", e.target.value)}>
            <option value="">Any</option>
            <option value="true">Transferred</option>
            <option value="false">Not transferred</option>
          </select>
        </Labelled>
        <Text label="Ended reason" value={draft.reason} onChange={(v) => set("reason", v)} placeholder="silence-timed-out" />
        <Text label="Assistant id" value={draft.assistant} onChange={(v) => set("assistant", v)} />
        <Text label="Phone number" value={draft.phone} onChange={(v) => set("phone", v)} placeholder="+14155550123" />
        <Multi label="Weekday" values={draft.weekday} options={WEEKDAYS} onChange={(v) => set("weekday", v)} />
        <Multi label="Hour" values={draft.hour} options={HOURS} onChange={(v) => set("hour", v)} />
        <Text label="From (day)" type="date" value={draft.from} onChange={(v) => set("from", v)} />
        <Text label="To (day)" type="date" value={draft.to} onChange={(v) => set("to", v)} />
        <Text label="Min duration (s)" inputMode="decimal" value={draft.minDuration} onChange={(v) => set("minDuration", v)} />
        <Text label="Max duration (s)" inputMode="decimal" value={draft.maxDuration} onChange={(v) => set("maxDuration", v)} />
        <Text label="Min cost ($)" inputMode="decimal" value={draft.minCost} onChange={(v) => set("minCost", v)} />
        <Text label="Max cost ($)" inputMode="decimal" value={draft.maxCost} onChange={(v) => set("maxCost", v)} />
        <Labelled label="Structured data" className="col-span-2">
          <input aria-label="Structured data" className={inputClass} value={dataText} onChange={(e) => setDataText(e.target.value)} placeholder="appointment_booked=true, nps_score=9" />
        </Labelled>
      </div>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </form>
  );
}

const WEEKDAYS: [string, string][] = ["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, weekdayLabel(d)]);
const HOURS: [string, string][] = Array.from({ length: 24 }, (_, h) => [String(h), hourLabel(String(h))]);

/**
 * One value from a list filter. A view with several (from a link) shows them as one choice, kept until another is
 * picked; the chips under the form remove them one at a time.
 */
function Multi({ label, values, options, onChange }: { label: string; values: string[]; options: [string, string][]; onChange: (v: string[]) => void }) {
  const joined = values.join(",");
  const several = values.length > 1;
  return (
    <Labelled label={label}>
      <select aria-label={label} className={inputClass} value={joined} onChange={(e) => onChange(e.target.value ? e.target.value.split(",") : [])}>
        <option value="">Any</option>
        {several && <option value={joined}>{values.length} chosen</option>}
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </Labelled>
  );
}

function Labelled({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <span className="mb-1 block text-xs font-medium text-slate-500" aria-hidden>{label}</span>
      {children}
    </div>
  );
}

function Text({ label, value, onChange, placeholder, type = "text", inputMode }: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  type?: string;
  inputMode?: "decimal";
}) {
  return (
    <Labelled label={label}>
      <input aria-label={label} type={type} inputMode={inputMode} className={inputClass} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </Labelled>
  );
}
