import { Globe } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field, inputClass } from "@/components/ui/Field";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import { useNow } from "@/lib/use-now";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { describeActionError } from "@/features/control/model/action-errors";
import { useUpdateSettings, type SettingsView } from "../api/settings";

/** The IANA zones the browser knows (the server checks against its own list anyway). */
function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.("timeZone") ?? [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

/** "Mon 14:05" in the zone, or null for a zone this browser cannot format. */
function timeIn(zone: string, now: number): string | null {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: "2-digit", minute: "2-digit", weekday: "short" }).format(now);
  } catch {
    return null;
  }
}

const FORMATS: Array<{ value: SettingsView["listenFormat"]; label: string; hint: string }> = [
  { value: "auto", label: "Automatic", hint: "Work out from the audio whether the caller and the assistant are on separate channels." },
  { value: "stereo", label: "Stereo", hint: "Caller on the left channel, assistant on the right." },
  { value: "mono", label: "Mono", hint: "One mixed channel." },
];

/** Time zone (where the client's days and hours start in history and analytics) and the listen audio layout. */
export function GeneralSettings({ clientId, settings }: { clientId: string; settings: SettingsView }) {
  const update = useUpdateSettings(clientId);
  const notify = useToast();
  const [search, setSearch] = useState("");
  const [zone, setZone] = useState(settings.timeZone);
  const now = useNow();
  const zones = useMemo(() => allZones(), []);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase().replace(/\s+/g, "_");
    const hits = q ? zones.filter((z) => z.toLowerCase().includes(q)) : zones;
    return hits.includes(zone) || q ? hits : [zone, ...hits];
  }, [zones, search, zone]);
  const ids = { search: useId(), zone: useId(), format: useId() };
  const current = timeIn(settings.timeZone, now);

  const saveZone = () =>
    update.mutate({ timeZone: zone }, { onSuccess: (v) => notify({ tone: "success", title: "Time zone saved", message: `Days and hours of ${clientId} now start in ${v.timeZone}.` }) });

  return (
    <section aria-labelledby={ids.zone + "-title"} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
      <h3 id={ids.zone + "-title"} className="mb-1 flex items-center gap-2 text-sm font-semibold text-slate-900">
        <Globe aria-hidden className="size-4 text-slate-400" /> General
      </h3>
      <p className="mb-4 text-sm text-slate-500">
        Time zone <span className="font-medium text-slate-700" data-testid="current-zone">{settings.timeZone}</span>
        {current && <> · it is <span className="tabular-nums" data-testid="current-zone-time">{current}</span> there now</>}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-2">
          <Field label="Time zone" htmlFor={ids.search} hint="Where this client's days and hours start in history and analytics.">
            <input id={ids.search} type="search" className={inputClass} placeholder="Search, e.g. New York or Berlin" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="zone-search" />
          </Field>
          <select
            id={ids.zone}
            aria-label="Time zones"
            size={6}
            className={`${inputClass} font-mono text-xs`}
            value={zone}
            onChange={(e) => setZone(e.target.value)}
            data-testid="zone-select"
          >
            {shown.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          {zone !== settings.timeZone && (
            <p className="text-xs text-slate-600" data-testid="chosen-zone-time">
              {zone} · {timeIn(zone, now) ?? "—"} there now
            </p>
          )}
          {shown.length === 0 && <p className="text-xs text-slate-500">No time zone matches “{search}”. Try a city, e.g. Chicago.</p>}
          <Button variant="primary" size="sm" disabled={zone === settings.timeZone || update.isPending} onClick={saveZone} data-testid="zone-save">
            {update.isPending && update.variables?.timeZone && <Spinner className="size-3 border-[1.5px]" label="Saving" />}
            Save time zone
          </Button>
        </div>
        <fieldset className="space-y-2">
          <legend className="mb-1.5 text-sm font-medium text-slate-700">Listen audio</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="flex cursor-pointer gap-2.5 rounded-lg px-2 py-1.5 hover:bg-slate-50">
              <input
                type="radio"
                name={ids.format}
                value={f.value}
                checked={settings.listenFormat === f.value}
                disabled={update.isPending}
                onChange={() => update.mutate({ listenFormat: f.value }, { onSuccess: () => notify({ tone: "success", title: `Listen audio: ${f.label}` }) })}
                className="mt-1 size-4"
                data-testid={`listen-${f.value}`}
              />
              <span>
                <span className="block text-sm text-slate-900">{f.label}</span>
                <span className="block text-xs text-slate-500">{f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </div>
      {update.error && <ActionErrorAlert error={{ ...describeActionError(update.error), title: "Couldn't save the setting" }} />}
    </section>
  );
}
