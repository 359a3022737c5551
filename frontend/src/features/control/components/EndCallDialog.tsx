import { PhoneOff } from "lucide-react";
import { ActionDialogFooter } from "@/components/ui/ActionDialogFooter";
import { Dialog, DialogIcon } from "@/components/ui/Dialog";
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
        <ActionDialogFooter onCancel={onClose} cancelLabel="Keep the call" cancelAutofocus onConfirm={submit} variant="danger" label="End call"
          pendingLabel="Ending" icon={<PhoneOff aria-hidden className="size-4" />} pending={pending} />
      }
    >
      {error && <ActionErrorAlert error={error} />}
    </Dialog>
  );
}
