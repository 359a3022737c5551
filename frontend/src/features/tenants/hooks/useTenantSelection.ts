import { useCallback, useEffect } from "react";
import { setSearchParams, useSearchParam } from "@/app/url-state";
import type { Tenant } from "@/lib/api-types";
import { useTenants } from "../api/tenants";

const LAST_TENANT_KEY = "switchboard.lastClient";

function readLastTenant(): string | null {
  try {
    return window.localStorage.getItem(LAST_TENANT_KEY);
  } catch {
    return null; // storage disabled (private mode, policy): just no memory
  }
}

function rememberTenant(id: string): void {
  try {
    window.localStorage.setItem(LAST_TENANT_KEY, id);
  } catch {
    // see readLastTenant
  }
}

export type TenantSelection =
  | { status: "loading" }
  | { status: "error"; error: Error; retry: () => void }
  | { status: "empty"; retry: () => void }
  | { status: "unknown"; requestedId: string; tenants: Tenant[]; select: (id: string) => void }
  | { status: "ready"; tenant: Tenant; tenants: Tenant[]; select: (id: string) => void };

/**
 * Which tenant is on screen: `?client=<id>` in the URL; without it, the last one used in this browser,
 * else the first. The choice is written back into the URL (replace, not a new history entry).
 */
export function useTenantSelection(): TenantSelection {
  const requested = useSearchParam("client");
  const query = useTenants();
  const tenants = query.data;

  useEffect(() => {
    if (!tenants || tenants.length === 0 || requested) return;
    const last = readLastTenant();
    const fallback = tenants.find((t) => t.id === last) ?? tenants[0]!;
    setSearchParams({ client: fallback.id }, { replace: true });
  }, [tenants, requested]);

  const selected = tenants && requested ? tenants.find((t) => t.id === requested) : undefined;
  useEffect(() => {
    if (selected) rememberTenant(selected.id);
  }, [selected]);

  // A different tenant means a different set of calls: an open call of the old one makes no sense.
  const select = useCallback((id: string) => setSearchParams({ client: id, call: null }), []);
  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);

  if (query.isPending) return { status: "loading" };
  if (query.isError) return { status: "error", error: query.error, retry };
  if (!tenants || tenants.length === 0) return { status: "empty", retry };
  if (selected) return { status: "ready", tenant: selected, tenants, select };
  if (requested) return { status: "unknown", requestedId: requested, tenants, select };
  return { status: "loading" };
}
