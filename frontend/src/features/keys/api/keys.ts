import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPath, apiSend } from "@/lib/api-client";

export type KeyScope = "read" | "control";

/** A tenant's API key as listed: never the key itself, only its prefix. */
export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  scope: KeyScope;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a key: the full key, this once. */
export interface CreatedKey {
  key: ApiKeyView;
  secret: string;
  note: string;
}

export const keysKey = (clientId: string) => ["api-keys", clientId] as const;

export function useApiKeys(clientId: string) {
  return useQuery({
    queryKey: keysKey(clientId),
    queryFn: ({ signal }) => apiGet<ApiKeyView[]>(apiPath(clientId, "api-keys"), signal),
  });
}

export function useCreateKey(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: KeyScope }) => apiSend<CreatedKey>("POST", apiPath(clientId, "api-keys"), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKey(clientId) }),
  });
}

export function useRevokeKey(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend<void>("DELETE", apiPath(clientId, "api-keys", String(id))),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keysKey(clientId) }),
  });
}
