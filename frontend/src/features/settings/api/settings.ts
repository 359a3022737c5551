import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPath, apiSend } from "@/lib/api-client";

/** What the server shows of a stored secret: whether it is set, and its last four characters (long secrets only). */
export interface SecretStatus {
  set: boolean;
  last4: string | null;
}

export type WebhookScheme = "none" | "secret" | "bearer" | "hmac";

/** Fields that do not apply to the scheme are null. */
export interface WebhookAuthView {
  scheme: WebhookScheme;
  secret: SecretStatus;
  header: string | null;
  bearerPrefix: boolean | null;
  algorithm: "sha256" | "sha512" | "sha1" | null;
  signatureHeader: string | null;
  timestampHeader: string | null;
  signaturePrefix: string | null;
  replayWindowSeconds: number | null;
}

export interface WebhookSetup {
  vapiUrl: string;
  /** "configured": SWITCHBOARD_PUBLIC_URL; "request": the host this page came from. */
  baseUrlFrom: "configured" | "request";
  vapiHeaders: string[];
  vapiSteps: string[];
  retellUrl: string | null;
  retellNote: string | null;
}

/** GET/PATCH /api/{client_id}/settings: never a secret, only SecretStatus. */
export interface SettingsView {
  clientId: string;
  timeZone: string;
  listenFormat: "auto" | "mono" | "stereo";
  vapiPrivateKey: SecretStatus;
  vapiPublicKey: SecretStatus;
  retellApiKey: SecretStatus;
  webhookAuth: WebhookAuthView;
  webhookSetup: WebhookSetup;
}

export type CredentialField = "vapiPrivateKey" | "vapiPublicKey" | "retellApiKey";

/** A PATCH body: fields left out keep their value; null clears a secret. */
export interface SettingsPatch {
  timeZone?: string;
  listenFormat?: SettingsView["listenFormat"];
  vapiPrivateKey?: string | null;
  vapiPublicKey?: string | null;
  retellApiKey?: string | null;
  webhookAuth?: {
    scheme?: WebhookScheme;
    secret?: string | null;
    header?: string | null;
    bearerPrefix?: boolean;
    algorithm?: string;
    signatureHeader?: string | null;
    timestampHeader?: string | null;
    signaturePrefix?: string | null;
    replayWindowSeconds?: number;
  };
}

export interface GeneratedSecret {
  secret: string;
  note: string;
  settings: SettingsView;
}

export interface TestDeliveryResult {
  accepted: boolean;
  status: number;
  code: string | null;
  reason: string | null;
  latencyMs: number;
  scheme: WebhookScheme;
}

/** A row of the webhook delivery log: a rejection, or a summary of accepted deliveries. */
export interface Delivery {
  id: number;
  provider: string;
  outcome: "accepted" | "rejected";
  type: string | null;
  reason: string | null;
  detail: string | null;
  count: number;
  firstAt: string;
  at: string;
}

export const settingsKey = (clientId: string) => ["settings", clientId] as const;
export const deliveriesKey = (clientId: string) => ["webhook-deliveries", clientId] as const;
/** How often the delivery log is re-read while it is on screen. */
export const DELIVERY_REFRESH_MS = 4000;

export function useSettings(clientId: string) {
  return useQuery({
    queryKey: settingsKey(clientId),
    queryFn: ({ signal }) => apiGet<SettingsView>(apiPath(clientId, "settings"), signal),
  });
}

export function useUpdateSettings(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => apiSend<SettingsView>("PATCH", apiPath(clientId, "settings"), patch),
    onSuccess: (view) => queryClient.setQueryData(settingsKey(clientId), view),
  });
}

export function useGenerateSecret(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<GeneratedSecret>("POST", apiPath(clientId, "settings", "webhook-secret")),
    // Only the view is kept; the secret lives in the dialog that shows it, and goes with it.
    onSuccess: (generated) => queryClient.setQueryData(settingsKey(clientId), generated.settings),
  });
}

export function useSendTest(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<TestDeliveryResult>("POST", apiPath(clientId, "settings", "test-webhook")),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(clientId) }),
  });
}

export function useDeliveries(clientId: string) {
  return useQuery({
    queryKey: deliveriesKey(clientId),
    queryFn: ({ signal }) => apiGet<Delivery[]>(apiPath(clientId, "webhook-deliveries") + "?limit=50", signal),
    refetchInterval: DELIVERY_REFRESH_MS,
  });
}
