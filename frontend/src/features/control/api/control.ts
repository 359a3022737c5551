import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPath, apiSend } from "@/lib/api-client";
import type { CallAction } from "@/lib/api-types";

/**
 * The control actions of issue 3, each a POST to /api/{client}/calls/{call}/{kind}. The server records
 * the signed-in user as the actor; the api client adds the CSRF token.
 */
export type ControlRequest =
  | { kind: "transfer"; body: { targetId: number; message?: string } | { number: string; message?: string } }
  | { kind: "end"; body?: Record<string, never> }
  | { kind: "say"; body: { text: string; endCallAfterSpoken: boolean } }
  | { kind: "whisper"; body: { text: string } }
  | { kind: "mute"; body?: Record<string, never> }
  | { kind: "unmute"; body?: Record<string, never> };

export type ControlKind = ControlRequest["kind"];

export function postControl(clientId: string, callId: string, request: ControlRequest): Promise<{ action: CallAction }> {
  return apiSend("POST", apiPath(clientId, "calls", callId, request.kind), request.body ?? {});
}

/**
 * Sends one control action. Whatever the outcome, the call detail is refetched so the timeline shows
 * the audited action; the call's status itself only changes through the live stream (forwarding →
 * ended), never optimistically here.
 */
export function useControlAction(clientId: string, callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ControlRequest) => postControl(clientId, callId, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["call-detail", clientId, callId] }),
  });
}
