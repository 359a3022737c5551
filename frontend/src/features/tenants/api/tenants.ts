import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import type { Tenant } from "@/lib/api-types";

export const tenantsQueryKey = ["tenants"] as const;

export function useTenants() {
  return useQuery({
    queryKey: tenantsQueryKey,
    queryFn: ({ signal }) => apiGet<Tenant[]>("/api/tenants", signal),
    staleTime: 5 * 60_000,
    // Nothing works without the tenant list: while it fails (server restarting), keep trying quietly.
    refetchInterval: (query) => (query.state.status === "error" ? 5000 : false),
  });
}
