import { Inbox } from "lucide-react";
import { Badge } from "@/components/ui/Badge";
import { EmptyState } from "@/components/ui/EmptyState";
import { Skeleton } from "@/components/ui/Skeleton";
import { tableHeadClass } from "@/components/ui/table";
import { parseServerTime } from "@/lib/time";
import { useTimeFormat } from "@/lib/time-zone";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { describeActionError } from "@/features/control/model/action-errors";
import { DELIVERY_REFRESH_MS, useDeliveries } from "../api/settings";

/** The tenant's webhook delivery log, newest first, re-read every few seconds while on screen. */
export function DeliveryLog({ clientId }: { clientId: string }) {
  const log = useDeliveries(clientId);
  const time = useTimeFormat();
  return (
    <section aria-labelledby="delivery-log-title" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs" data-testid="delivery-log">
      <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
        <h3 id="delivery-log-title" className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase">Delivery log</h3>
        <span className="text-xs text-slate-400">Updates every {DELIVERY_REFRESH_MS / 1000} s</span>
      </div>
      {log.isPending ? (
        <div className="space-y-2 p-4" aria-busy="true" aria-label="Loading the delivery log">
          {[0, 1, 2].map((i) => <Skeleton key={i} className="h-5 w-full" />)}
        </div>
      ) : log.isError ? (
        <div className="px-4 pb-4">
          <ActionErrorAlert error={{ ...describeActionError(log.error), title: "Couldn't load the delivery log" }} />
        </div>
      ) : log.data.length === 0 ? (
        <EmptyState icon={<Inbox className="size-5" />} title="No deliveries yet" data-testid="delivery-log-empty">
          Every webhook Vapi sends to this client appears here: accepted ones summarised every few seconds, rejected ones each with the reason. Send a test event to see one.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className={tableHeadClass}>
              <tr>
                <th className="px-4 py-2">Time</th>
                <th className="px-4 py-2">Provider</th>
                <th className="px-4 py-2">Type</th>
                <th className="px-4 py-2">Outcome</th>
                <th className="px-4 py-2">Reason</th>
                <th className="px-4 py-2 text-right">Count</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {log.data.map((d) => {
                const at = parseServerTime(d.at);
                return (
                  <tr key={d.id} data-testid="delivery-row" data-outcome={d.outcome}>
                    <td className="px-4 py-2 whitespace-nowrap text-slate-600 tabular-nums">{at === null ? "—" : <span title={time.full(at)}>{time.short(at)}</span>}</td>
                    <td className="px-4 py-2 text-slate-600">{d.provider}</td>
                    <td className="px-4 py-2 font-mono text-xs text-slate-700">{d.type ?? "—"}</td>
                    <td className="px-4 py-2">
                      <Badge tone={d.outcome === "accepted" ? "green" : "red"}>{d.outcome === "accepted" ? "Accepted" : "Rejected"}</Badge>
                    </td>
                    <td className="px-4 py-2 text-slate-600">
                      {d.reason ? <><span className="font-mono text-xs">{d.reason}</span>{d.detail && <span className="block text-xs text-slate-500">{d.detail}</span>}</> : "—"}
                    </td>
                    <td className="px-4 py-2 text-right text-slate-600 tabular-nums">{d.count}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
