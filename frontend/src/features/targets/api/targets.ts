import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPath, apiSend } from "@/lib/api-client";
import type { TransferTarget } from "@/lib/api-types";

export const targetsQueryKey = (clientId: string) => ["transfer-targets", clientId] as const;

/** The tenant's named transfer destinations. */
export function useTransferTargets(clientId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: targetsQueryKey(clientId),
    queryFn: ({ signal }) => apiGet<TransferTarget[]>(apiPath(clientId, "transfer-targets"), signal),
  });
}

export interface NewTarget {
  name: string;
  number?: string;
  sipUri?: string;
}

export function useCreateTarget(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: NewTarget) => apiSend<TransferTarget>("POST", apiPath(clientId, "transfer-targets"), target),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetsQueryKey(clientId) }),
  });
}

export function useDeleteTarget(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend<void>("DELETE", apiPath(clientId, "transfer-targets", String(id))),
    onSettled: () => queryClient.invalidateQueries({ queryKey: targetsQueryKey(clientId) }),
  });
}
