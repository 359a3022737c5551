import { ArrowRightLeft, EyeOff, Headphones, MessageSquareText, Mic, MicOff, PhoneOff } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import type { CallAction, CallView } from "@/lib/api-types";
import { usePermissions } from "@/features/auth/hooks/auth-context";
import { useControlAction } from "../api/control";
import { describeActionError } from "../model/action-errors";
import { canControl, canListen } from "../model/availability";
import { isAssistantMuted, readSentMute, rememberSentMute, type SentMute } from "../model/mute-state";
import { EndCallDialog } from "./EndCallDialog";
import { SayDialog, WhisperDialog } from "./TextActionDialog";
import { TransferDialog } from "./TransferDialog";

type OpenDialog = "transfer" | "end" | "say" | "whisper" | null;

export interface ListenButtonState {
  /** A session for this call is connecting or playing. */
  active: boolean;
  start: () => void;
  stop: () => void;
}

/**
 * The action bar of a live call: Listen, then Say, Whisper, Mute/Unmute, and the dangerous two
 * (Transfer, End call), which confirm first. Nothing is shown that would do nothing, or that the
 * user's role does not allow (viewers see no bar at all; the server refuses them anyway).
 */
export function CallControls({ clientId, call, actions, listen }: { clientId: string; call: CallView; actions: readonly CallAction[] | undefined; listen: ListenButtonState }) {
  const [open, setOpen] = useState<OpenDialog>(null);
  const may = usePermissions(clientId);
  const listenable = may("listen") && canListen(call);
  const controllable = may("control") && canControl(call);
  if (!listenable && !controllable) return null;
  const close = () => setOpen(null);

  return (
    <div data-testid="call-controls" className="flex shrink-0 flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50/80 px-5 py-2.5">
      {listenable && (
        <Button
          data-testid="listen-button"
          size="sm"
          variant={listen.active ? "primary" : "secondary"}
          aria-pressed={listen.active}
          onClick={listen.active ? listen.stop : listen.start}
          title={listen.active ? "Stop listening" : "Listen to the call live"}
          className="h-8 px-2.5"
        >
          <Headphones aria-hidden className="size-3.5" />
          {listen.active ? "Listening" : "Listen"}
        </Button>
      )}
      {controllable && (
        <>
          {listenable && <span aria-hidden className="mx-0.5 h-5 w-px bg-slate-200" />}
          <ControlButton testId="action-say" icon={<MessageSquareText className="size-3.5" />} onClick={() => setOpen("say")} title="Make the assistant say something">
            Say
          </ControlButton>
          <ControlButton testId="action-whisper" icon={<EyeOff className="size-3.5" />} onClick={() => setOpen("whisper")} title="A hidden instruction for the assistant">
            Whisper
          </ControlButton>
          <MuteToggle clientId={clientId} callId={call.id} actions={actions} />
          <span className="flex-1" />
          <ControlButton testId="action-transfer" icon={<ArrowRightLeft className="size-3.5" />} onClick={() => setOpen("transfer")} title="Transfer the caller to a person">
            Transfer
          </ControlButton>
          <ControlButton testId="action-end" icon={<PhoneOff className="size-3.5" />} onClick={() => setOpen("end")} danger title="Hang up">
            End call
          </ControlButton>
        </>
      )}
      {controllable && open === "transfer" && <TransferDialog clientId={clientId} call={call} onClose={close} />}
      {controllable && open === "end" && <EndCallDialog clientId={clientId} call={call} onClose={close} />}
      {controllable && open === "say" && <SayDialog clientId={clientId} call={call} onClose={close} />}
      {controllable && open === "whisper" && <WhisperDialog clientId={clientId} call={call} onClose={close} />}
    </div>
  );
}

function ControlButton({ testId, icon, onClick, danger, title, disabled, pressed, children }: {
  testId: string;
  icon: ReactNode;
  onClick: () => void;
  danger?: boolean;
  title: string;
  disabled?: boolean;
  pressed?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      data-testid={testId}
      size="sm"
      variant={pressed ? "pressed" : danger ? "danger-outline" : "secondary"}
      onClick={onClick}
      title={title}
      disabled={disabled}
      aria-pressed={pressed}
      className="h-8 px-2.5"
    >
      <span aria-hidden className="contents">
        {icon}
      </span>
      {children}
    </Button>
  );
}

/** One toggle: "Mute assistant" when it speaks, "Unmute assistant" after a mute this browser (or the audit) knows of. */
function MuteToggle({ clientId, callId, actions }: { clientId: string; callId: string; actions: readonly CallAction[] | undefined }) {
  const key = `${clientId}/${callId}`;
  const [sent, setSent] = useState<SentMute | null>(() => readSentMute(key));
  const mutation = useControlAction(clientId, callId);
  const notify = useToast();
  const muted = isAssistantMuted(actions, sent);
  const kind = muted ? "unmute" : "mute";

  const toggle = () => {
    mutation.mutate(
      { kind },
      {
        onSuccess: (result) => {
          const value = { muted: kind === "mute", actionId: result?.action?.id ?? null };
          rememberSentMute(key, value);
          setSent(value);
          notify({
            tone: "success",
            title: kind === "mute" ? "Assistant muted" : "Assistant unmuted",
            message: kind === "mute" ? "It stays silent until you unmute it; the caller can still speak." : "The assistant speaks again.",
          });
        },
        onError: (error) => {
          const view = describeActionError(error);
          notify({ tone: "error", title: view.title, message: view.message, detail: view.detail });
        },
      },
    );
  };

  return (
    <ControlButton
      testId={muted ? "action-unmute" : "action-mute"}
      icon={mutation.isPending ? <Spinner className="size-3.5 border-[1.5px]" label="Sending" /> : muted ? <MicOff className="size-3.5" /> : <Mic className="size-3.5" />}
      onClick={toggle}
      disabled={mutation.isPending}
      pressed={muted}
      title={muted ? "Let the assistant speak again" : "Stop the assistant from speaking"}
    >
      {muted ? "Unmute assistant" : "Mute assistant"}
    </ControlButton>
  );
}
