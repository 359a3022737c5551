import { PhoneOff } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { Dialog, DialogIcon } from "@/components/ui/Dialog";
import { Spinner } from "@/components/ui/Spinner";
import type { CallView } from "@/lib/api-types";
import { formatPhone } from "@/lib/format";
import { ActionErrorAlert } from "./ActionErrorAlert";
import { useActionRunner } from "./useActionRunner";

/** End call, after confirmation: the caller is disconnected. */
export function EndCallDialog({ clientId, call, onClose }: { clientId: string; call: CallView; onClose: () => void }) {
  const { run, pending, error } = useActionRunner(clientId, call.id);
  const submit = () => {
    if (pending) return;
    void run({ kind: "end" }, { title: "Ending the call", message: "The provider accepted. The call shows Ended in a moment." }, onClose);
  };
  return (
    <Dialog
      title="End this call?"
      description={
        <>
          {formatPhone(call.phoneNumber)} is disconnected right away, mid-sentence if need be. This can't be undone.
        </>
      }
      icon={
        <DialogIcon tone="red">
          <PhoneOff aria-hidden className="size-5" />
        </DialogIcon>
      }
      onClose={onClose}
      busy={pending}
      data-testid="end-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={pending} data-autofocus="">
            Keep the call
          </Button>
          <Button variant="danger" data-testid="confirm-action" onClick={submit} disabled={pending}>
            {pending ? <Spinner className="size-3.5 border-[1.5px]" label="Ending" /> : <PhoneOff aria-hidden className="size-4" />}
            {pending ? "Ending…" : "End call"}
          </Button>
        </>
      }
    >
      {error && <ActionErrorAlert error={error} />}
    </Dialog>
  );
}
