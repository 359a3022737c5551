import type { ReactNode } from "react";
import { Button } from "./Button";
import { Spinner } from "./Spinner";

/**
 * The two buttons every action dialog ends with: cancel, and the confirm button (`confirm-action`) that
 * turns into a spinner with "<pendingLabel>…" while the request is out. Both are disabled meanwhile: a
 * request in flight is not abandoned or sent twice.
 */
export function ActionDialogFooter({ onCancel, cancelLabel = "Cancel", cancelAutofocus = false, onConfirm, label, pendingLabel, icon, variant, pending, disabled = false }: {
  onCancel: () => void;
  cancelLabel?: string;
  /** Focus "cancel" first (destructive dialogs with nothing to fill in). */
  cancelAutofocus?: boolean;
  onConfirm: () => void;
  label: string;
  pendingLabel: string;
  icon?: ReactNode;
  variant: "primary" | "danger";
  pending: boolean;
  disabled?: boolean;
}) {
  return (
    <>
      <Button onClick={onCancel} disabled={pending} data-autofocus={cancelAutofocus ? "" : undefined}>
        {cancelLabel}
      </Button>
      <Button variant={variant} data-testid="confirm-action" onClick={onConfirm} disabled={disabled || pending}>
        {pending ? <Spinner className="size-3.5 border-[1.5px]" label={pendingLabel} /> : icon}
        {pending ? `${pendingLabel}…` : label}
      </Button>
    </>
  );
}
