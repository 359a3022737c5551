import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPath, apiSend } from "@/lib/api-client";
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

/** Agency admins: create a tenant with a URL-safe id (it becomes part of the webhook URL). */
export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tenant: { id: string; name: string }) => apiSend<Tenant>("POST", "/api/tenants", tenant),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantsQueryKey }),
  });
}

export function useRenameTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => apiSend<Tenant>("PATCH", apiPath("tenants", id), { name }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tenantsQueryKey }),
  });
}
