import { Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { ActionDialogFooter } from "./ActionDialogFooter";
import { Dialog, DialogIcon } from "./Dialog";

/**
 * The confirmation before anything is deleted, removed, revoked or cleared. It exists so that every destructive
 * confirmation looks and behaves the same: red trash icon, Cancel focused first (Enter does not destroy by
 * accident), both buttons disabled and the confirm button showing "<pendingLabel>…" while the request is out
 * (the dialog cannot be dismissed meanwhile), and the server's error shown in place so the user can retry.
 *
 * `error` is the body shown after a failure, normally an `<ActionErrorAlert>`: kept a node so this stays free
 * of feature code.
 */
export function ConfirmDeleteDialog({ title, description, confirmLabel, pendingLabel, pending, onConfirm, onClose, error }: {
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
  error?: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      description={description}
      icon={<DialogIcon tone="red"><Trash2 aria-hidden className="size-5" /></DialogIcon>}
      onClose={onClose}
      busy={pending}
      footer={<ActionDialogFooter onCancel={onClose} cancelAutofocus onConfirm={onConfirm} variant="danger" label={confirmLabel} pendingLabel={pendingLabel} pending={pending} />}
    >
      {error}
    </Dialog>
  );
}
