/** The address to paste into Vapi: the real host when we are on one, a placeholder on localhost. */
export function webhookUrlFor(clientId: string, location: Pick<Location, "host" | "hostname"> = window.location): string {
  const local = location.hostname === "localhost" || location.hostname === "127.0.0.1" || location.hostname === "[::1]";
  const host = local ? "<your-host>" : location.host;
  return `https://${host}/webhooks/vapi/${encodeURIComponent(clientId)}`;
}
