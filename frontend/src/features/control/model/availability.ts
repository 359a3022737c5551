import type { CallView } from "@/lib/api-types";
import { isLive } from "@/features/calls/model/call-status";

/** Listen is offered for live calls with an audio relay (the server sends listenUrl only then). */
export function canListen(call: CallView): boolean {
  return isLive(call) && Boolean(call.listenUrl);
}

/** Control actions for live calls the provider gave a control URL for. */
export function canControl(call: CallView): boolean {
  return isLive(call) && call.controllable === true;
}
