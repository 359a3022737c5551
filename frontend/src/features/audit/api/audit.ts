import { useInfiniteQuery } from "@tanstack/react-query";
import { apiGet, apiPath } from "@/lib/api-client";

/** One audit event as GET /api/audit and /api/{client_id}/audit return it. */
export interface AuditEvent {
  id: number;
  tenantId: string | null;
  /** ISO instant (UTC). */
  at: string;
  actorKind: "user" | "api_key" | "cli" | "system" | "anonymous";
  actor: string;
  clientAddress: string | null;
  action: string;
  target: string | null;
  outcome: "ok" | "denied" | "failed";
  detail: Record<string, unknown> | null;
}

export interface AuditPage {
  items: AuditEvent[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: number | null;
}

export interface AuditFilters {
  /** An exact action or a category ending in "." (e.g. "auth."); "" for all. */
  action: string;
  /** A substring of the actor; "" for all. */
  actor: string;
  /** ISO instants, inclusive; "" for no bound. */
  from: string;
  to: string;
}

/** Where the events come from: one tenant as its admins see it, or the agency's view (all, or one tenant). */
export type AuditScope = { kind: "tenant"; clientId: string } | { kind: "agency"; tenant: string | null };

export const PAGE_SIZE = 50;

/** The URL of one page: the scope, the filters that are set, and the keyset cursor. */
export function auditUrl(scope: AuditScope, filters: AuditFilters, before?: number): string {
  const params = new URLSearchParams();
  if (scope.kind === "agency" && scope.tenant) params.set("tenant", scope.tenant);
  if (filters.action) params.set("action", filters.action);
  if (filters.actor.trim()) params.set("actor", filters.actor.trim());
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  params.set("limit", String(PAGE_SIZE));
  if (before !== undefined) params.set("before", String(before));
  const base = scope.kind === "tenant" ? apiPath(scope.clientId, "audit") : "/api/audit";
  return `${base}?${params.toString()}`;
}

/** The audit log, newest first, a page at a time ("Load more" follows the cursor). */
export function useAuditLog(scope: AuditScope, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", scope, filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => apiGet<AuditPage>(auditUrl(scope, filters, pageParam), signal),
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
