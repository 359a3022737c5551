import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPath, apiSend } from "@/lib/api-client";
import type { Role } from "@/lib/permissions";

/** A member of a tenant, as GET /api/{client_id}/members lists them. */
export interface Member {
  userId: number;
  email: string;
  role: Role;
  agencyAdmin: boolean;
}

/** A user of the agency, as GET /api/users lists them (agency admins only). */
export interface AgencyUser {
  id: number;
  email: string;
  agencyAdmin: boolean;
  createdAt: string;
  memberships: Array<{ tenantId: string; role: Role }>;
}

export const membersQueryKey = (clientId: string) => ["members", clientId] as const;
export const usersQueryKey = ["users"] as const;

export function useMembers(clientId: string) {
  return useQuery({
    queryKey: membersQueryKey(clientId),
    queryFn: ({ signal }) => apiGet<Member[]>(apiPath(clientId, "members"), signal),
  });
}

/** Member and user changes show in both lists (and the audit log): refresh them all. */
function useInvalidateAll(clientId?: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      clientId ? queryClient.invalidateQueries({ queryKey: membersQueryKey(clientId) }) : queryClient.invalidateQueries({ queryKey: ["members"] }),
      queryClient.invalidateQueries({ queryKey: usersQueryKey }),
      queryClient.invalidateQueries({ queryKey: ["audit"] }),
    ]);
}

export interface NewMember {
  email: string;
  role: Role;
  /** Creates the account when there is none with this email. */
  password?: string;
}

export function useAddMember(clientId: string) {
  const invalidate = useInvalidateAll(clientId);
  return useMutation({
    mutationFn: (member: NewMember) => apiSend<Member>("POST", apiPath(clientId, "members"), member),
    onSuccess: invalidate,
  });
}

export function useChangeRole(clientId: string) {
  const invalidate = useInvalidateAll(clientId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: number; role: Role }) => apiSend<Member>("PATCH", apiPath(clientId, "members", String(userId)), { role }),
    onSettled: invalidate,
  });
}

export function useRemoveMember(clientId: string) {
  const invalidate = useInvalidateAll(clientId);
  return useMutation({
    mutationFn: (userId: number) => apiSend<void>("DELETE", apiPath(clientId, "members", String(userId))),
    onSettled: invalidate,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    enabled,
    queryKey: usersQueryKey,
    queryFn: ({ signal }) => apiGet<AgencyUser[]>("/api/users", signal),
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: number; agencyAdmin?: boolean; password?: string }) => apiSend<AgencyUser>("PATCH", apiPath("users", String(id)), change),
    onSettled: invalidate,
  });
}

export function useDeleteUser() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (id: number) => apiSend<void>("DELETE", apiPath("users", String(id))),
    onSettled: invalidate,
  });
}
