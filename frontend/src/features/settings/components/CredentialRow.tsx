import { KeyRound, Trash2 } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { ConfirmDeleteDialog } from "@/components/ui/ConfirmDeleteDialog";
import { inputClass } from "@/components/ui/Field";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { describeActionError } from "@/features/control/model/action-errors";
import { useUpdateSettings, type CredentialField, type SecretStatus } from "../api/settings";

/** "Set · ends in abcd", "Set" (short secrets show nothing) or "Not set". */
export function SecretBadge({ status, "data-testid": testId }: { status: SecretStatus; "data-testid"?: string }) {
  if (!status.set) return <Badge data-testid={testId}>Not set</Badge>;
  return (
    <Badge tone="green" data-testid={testId}>
      Set{status.last4 ? <span className="font-mono"> · ends in {status.last4}</span> : null}
    </Badge>
  );
}

/**
 * One stored provider credential: whether it is set, Replace (a password input, never pre-filled: the server
 * never sends the value) and Clear (after a confirmation).
 */
export function CredentialRow({ clientId, field, label, hint, status }: {
  clientId: string;
  field: CredentialField;
  label: string;
  hint: string;
  status: SecretStatus;
}) {
  const update = useUpdateSettings(clientId);
  const notify = useToast();
  const [editing, setEditing] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [value, setValue] = useState("");
  const inputId = useId();

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim() || update.isPending) return;
    update.mutate({ [field]: value.trim() }, {
      onSuccess: () => {
        notify({ tone: "success", title: `${label} saved`, message: "Stored encrypted; only its last four characters are shown." });
        setValue("");
        setEditing(false);
      },
    });
  };

  return (
    <li className="px-4 py-3.5" data-testid={`credential-${field}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
          <KeyRound aria-hidden className="size-3.5" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-900">{label}</p>
          <p className="text-xs text-slate-500">{hint}</p>
        </div>
        <SecretBadge status={status} data-testid={`credential-${field}-status`} />
        {!editing && (
          <Button size="sm" onClick={() => { update.reset(); setEditing(true); }} data-testid={`credential-${field}-replace`}>
            {status.set ? "Replace" : "Set"}
          </Button>
        )}
        {status.set && !editing && (
          <Button size="sm" variant="ghost" aria-label={`Clear ${label}`} title="Clear" onClick={() => setClearing(true)} className="text-slate-400 hover:text-red-600">
            <Trash2 aria-hidden className="size-4" />
          </Button>
        )}
      </div>
      {editing && (
        <form onSubmit={save} className="mt-3 flex flex-wrap items-center gap-2 pl-11">
          <label htmlFor={inputId} className="sr-only">New {label}</label>
          <input
            id={inputId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder={`Paste the new ${label}`}
            data-testid={`credential-${field}-input`}
            className={`${inputClass} max-w-sm flex-1 font-mono`}
          />
          <Button type="submit" variant="primary" size="sm" disabled={!value.trim() || update.isPending} data-testid={`credential-${field}-save`}>
            {update.isPending && <Spinner className="size-3 border-[1.5px]" label="Saving" />}
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={() => { setEditing(false); setValue(""); }}>
            Cancel
          </Button>
        </form>
      )}
      {update.error && !clearing && <div className="pl-11"><ActionErrorAlert error={{ ...describeActionError(update.error), title: `Couldn't save the ${label}` }} /></div>}
      {clearing && <ClearDialog clientId={clientId} field={field} label={label} onClose={() => setClearing(false)} />}
    </li>
  );
}

function ClearDialog({ clientId, field, label, onClose }: { clientId: string; field: CredentialField; label: string; onClose: () => void }) {
  const update = useUpdateSettings(clientId);
  const notify = useToast();
  return (
    <ConfirmDeleteDialog
      title={`Clear the ${label}?`}
      description="Switchboard forgets it. Features that need it stop working for this client until a new one is set."
      confirmLabel="Clear"
      pendingLabel="Clearing"
      pending={update.isPending}
      onConfirm={() => update.mutate({ [field]: null }, { onSuccess: () => { notify({ tone: "success", title: `${label} cleared` }); onClose(); } })}
      onClose={onClose}
      error={update.error && <ActionErrorAlert error={describeActionError(update.error)} />}
    />
  );
}
