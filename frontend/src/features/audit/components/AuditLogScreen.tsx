import { ScrollText, Search } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { inputClass } from "@/components/ui/Field";
import { Skeleton } from "@/components/ui/Skeleton";
import { Spinner } from "@/components/ui/Spinner";
import { cn } from "@/components/ui/cn";
import { tableHeadClass } from "@/components/ui/table";
import { ApiError } from "@/lib/api-client";
import { useSession } from "@/features/auth/hooks/auth-context";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { describeActionError } from "@/features/control/model/action-errors";
import { useAuditLog, type AuditEvent, type AuditFilters, type AuditScope } from "../api/audit";
import { timeFormat } from "@/lib/time";
import { actionInWords, CATEGORIES, dayBound, detailInWords, localTime } from "../model/audit-words";

const OUTCOME_TONES: Record<AuditEvent["outcome"], BadgeTone> = { ok: "green", denied: "amber", failed: "red" };
const NO_FILTERS: AuditFilters = { action: "", actor: "", from: "", to: "" };

/**
 * Settings → Audit log (?view=audit): who did what, when, newest first. A tenant's admins see its events and
 * their members' sign-ins; agency admins can widen it to the whole agency. Filters by category, actor and
 * days (local), and "Load more" follows the server's cursor.
 */
export function AuditLogScreen({ clientId, tenantName }: { clientId: string; tenantName: string }) {
  const agencyAdmin = useSession()?.user.agencyAdmin ?? false;
  const [wholeAgency, setWholeAgency] = useState(false);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const scope: AuditScope = agencyAdmin ? { kind: "agency", tenant: wholeAgency ? null : clientId } : { kind: "tenant", clientId };
  const log = useAuditLog(scope, filters);
  const events = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some((v) => v !== "");

  return (
    <div data-testid="audit-log" className="mx-auto max-w-6xl space-y-5 px-4 py-6 sm:px-6">
      <div>
        <h2 className="text-lg font-semibold tracking-tight text-slate-900">Audit log</h2>
        <p className="text-sm text-slate-500">
          {wholeAgency ? "The whole agency" : tenantName} · sign-ins, changes to users, keys, targets and settings, and supervisor actions. Times are local ({timeFormat().zoneId}).
        </p>
      </div>
      <FilterBar agencyAdmin={agencyAdmin} wholeAgency={wholeAgency} onWholeAgency={setWholeAgency} onApply={setFilters} />

      <section aria-label="Audit events" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        {log.isPending ? (
          <div className="space-y-3 px-4 py-4" aria-busy="true" aria-label="Loading the audit log">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-4 w-full" />
            ))}
          </div>
        ) : log.isError ? (
          <div className="px-4 py-6" data-testid="audit-error">
            <ActionErrorAlert
              error={{
                ...describeActionError(log.error),
                title: log.error instanceof ApiError && log.error.status === 400 ? "A filter isn't valid" : "Couldn't load the audit log",
              }}
            />
            <Button className="mt-3" onClick={() => void log.refetch()}>
              Try again
            </Button>
          </div>
        ) : events.length === 0 ? (
          <EmptyState icon={<ScrollText className="size-5" />} title={filtered ? "Nothing matches these filters" : "Nothing recorded yet"} data-testid="audit-empty">
            {filtered ? "Widen the date range, pick another category or clear the actor." : "Sign-ins, changes and supervisor actions appear here as they happen."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className={cn("border-b border-slate-100", tableHeadClass)}>
                <tr>
                  <th className="px-4 py-2.5">Time</th>
                  <th className="px-4 py-2.5">Actor</th>
                  <th className="px-4 py-2.5">Action</th>
                  <th className="px-4 py-2.5">Target</th>
                  <th className="px-4 py-2.5">Outcome</th>
                  <th className="px-4 py-2.5">Detail</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {events.map((e) => (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action} className="align-top">
                    <td className="px-4 py-2.5 whitespace-nowrap text-slate-600 tabular-nums">
                      <time dateTime={e.at}>{localTime(e.at)}</time>
                    </td>
                    <td className="px-4 py-2.5">
                      <p className="font-medium whitespace-nowrap text-slate-900">{e.actor}</p>
                      <p className="text-xs text-slate-500">
                        {e.actorKind.replace("_", " ")}
                        {e.clientAddress ? ` · ${e.clientAddress}` : ""}
                        {wholeAgency && e.tenantId ? ` · ${e.tenantId}` : ""}
                      </p>
                    </td>
                    <td className="px-4 py-2.5 text-slate-900" title={e.action}>
                      {actionInWords(e.action)}
                    </td>
                    <td className="max-w-48 truncate px-4 py-2.5 text-slate-700" title={e.target ?? undefined}>
                      {e.target ?? "—"}
                    </td>
                    <td className="px-4 py-2.5">
                      <Badge tone={OUTCOME_TONES[e.outcome]}>{e.outcome}</Badge>
                    </td>
                    <td className="max-w-72 px-4 py-2.5 text-xs break-words text-slate-500">{detailInWords(e.detail)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log.hasNextPage && (
          <div className="border-t border-slate-100 px-4 py-3 text-center">
            <Button data-testid="audit-load-more" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
              {log.isFetchingNextPage && <Spinner className="size-3.5 border-[1.5px]" label="Loading" />}
              Load more
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}

function FilterBar({ agencyAdmin, wholeAgency, onWholeAgency, onApply }: {
  agencyAdmin: boolean;
  wholeAgency: boolean;
  onWholeAgency: (on: boolean) => void;
  onApply: (filters: AuditFilters) => void;
}) {
  const [action, setAction] = useState("");
  const [actor, setActor] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const ids = { action: useId(), actor: useId(), from: useId(), to: useId() };
  const rangeError = from && to && from > to ? "The start day is after the end day." : null;
  const apply = (next: { action?: string }) => {
    if (rangeError) return;
    onApply({ action: next.action ?? action, actor, from: dayBound(from, false), to: dayBound(to, true) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({});
  };
  const label = "mb-1 block text-xs font-medium text-slate-600";
  return (
    <form onSubmit={submit} data-testid="audit-filters" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-xs">
      <div>
        <label htmlFor={ids.action} className={label}>Category</label>
        <select id={ids.action} data-testid="audit-category" className={`${inputClass} w-48`} value={action}
          onChange={(e) => { setAction(e.target.value); apply({ action: e.target.value }); }}>
          {CATEGORIES.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.actor} className={label}>Actor</label>
        <input id={ids.actor} data-testid="audit-actor" className={`${inputClass} w-52`} placeholder="Email or key name" value={actor} onChange={(e) => setActor(e.target.value)} />
      </div>
      <div>
        <label htmlFor={ids.from} className={label}>From</label>
        <input id={ids.from} data-testid="audit-from" type="date" className={`${inputClass} w-40`} value={from} aria-invalid={Boolean(rangeError)} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div>
        <label htmlFor={ids.to} className={label}>To</label>
        <input id={ids.to} data-testid="audit-to" type="date" className={`${inputClass} w-40`} value={to} aria-invalid={Boolean(rangeError)} onChange={(e) => setTo(e.target.value)} />
      </div>
      <Button type="submit" data-testid="audit-apply" disabled={Boolean(rangeError)}>
        <Search aria-hidden className="size-4" />
        Filter
      </Button>
      {agencyAdmin && (
        <label className="ml-auto flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" data-testid="audit-whole-agency" checked={wholeAgency} onChange={(e) => onWholeAgency(e.target.checked)} className="size-4 rounded border-slate-300" />
          Whole agency
        </label>
      )}
      {rangeError && <p role="alert" className="w-full text-xs text-red-600">{rangeError}</p>}
    </form>
  );
}
