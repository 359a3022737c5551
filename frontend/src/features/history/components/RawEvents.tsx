import { useState } from "react";
import { Spinner } from "@/components/ui/Spinner";
import { parseServerTime } from "@/lib/time";
import { useTimeFormat } from "@/lib/time-zone";
import { useRawEvents } from "../api/history";

/**
 * "For engineers": the provider's messages about the call as received (the server removes listen/control URLs
 * and secrets). Collapsed, and only fetched when opened: they can be large.
 */
export function RawEvents({ clientId, callId }: { clientId: string; callId: string }) {
  const [open, setOpen] = useState(false);
  const events = useRawEvents(clientId, callId, open);
  const time = useTimeFormat();
  return (
    <details className="border-t border-slate-200 bg-white px-5 py-3" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="raw-events">
      <summary className="cursor-pointer text-sm font-medium text-slate-700">For engineers: raw provider events</summary>
      <div className="mt-3 max-h-96 space-y-3 overflow-y-auto">
        {events.isPending && open && <Spinner label="Loading events" />}
        {events.error && <p className="text-sm text-red-700">Couldn't load the events: {events.error.message}</p>}
        {events.data && events.data.events.length === 0 && (
          <p className="text-sm text-slate-500">No provider messages are stored for this call (calls from generated history have none).</p>
        )}
        {events.data?.events.map((e) => (
          <div key={e.id}>
            <p className="text-xs text-slate-500">
              <span className="font-mono text-slate-700">{e.type}</span> · {time.full(parseServerTime(e.receivedAt) ?? 0)}
            </p>
            <pre className="mt-1 overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(e.payload, null, 2)}</pre>
          </div>
        ))}
        {events.data && events.data.events.length >= events.data.limit && <p className="text-xs text-slate-500">Showing the first {events.data.limit}.</p>}
      </div>
    </details>
  );
}
