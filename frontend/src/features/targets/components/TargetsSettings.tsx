import { Phone, PhoneForwarded, Plus, ShieldAlert, Trash2 } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { ConfirmDeleteDialog } from "@/components/ui/ConfirmDeleteDialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field, inputClass } from "@/components/ui/Field";
import { Skeleton } from "@/components/ui/Skeleton";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import { ApiError } from "@/lib/api-client";
import type { TransferTarget } from "@/lib/api-types";
import { formatPhone } from "@/lib/format";
import { usePermissions } from "@/features/auth/hooks/auth-context";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { AdminListStates, ReadOnlyNotice } from "@/features/admin/components/AdminList";
import { describeActionError } from "@/features/control/model/action-errors";
import { validateE164, validateSipUri } from "@/features/control/model/destination";
import { useCreateTarget, useDeleteTarget, useTransferTargets } from "../api/targets";

const MAX_NAME = 80;

/**
 * Settings → Transfer targets (?view=targets, in the admin area): the tenant's named destinations for the Transfer
 * action. A target is a name plus an E.164 number, a SIP URI, or both. Admins add and delete them;
 * everyone else sees the list read-only.
 */
export function TargetsSettings({ clientId, tenantName }: { clientId: string; tenantName: string }) {
  const targets = useTransferTargets(clientId);
  const [deleting, setDeleting] = useState<TransferTarget | null>(null);
  const manage = usePermissions(clientId)("manageTargets");

  return (
    <div data-testid="targets-settings" className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h2 className="text-lg font-semibold tracking-tight text-slate-900">Transfer targets</h2>
        <p className="text-sm text-slate-500">
          {tenantName} · the people and queues a supervisor can hand a live call to. They appear in the Transfer dialog of every call of this client.
        </p>
      </div>

      {manage ? (
        <AddTargetForm clientId={clientId} />
      ) : (
        <ReadOnlyNotice data-testid="targets-read-only">Only an admin of this client can add or delete transfer targets.</ReadOnlyNotice>
      )}

      <section aria-label="Saved targets" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
          <h3 className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase">
            Saved targets {targets.data && targets.data.length > 0 && <span className="ml-1 font-normal text-slate-400 normal-case">{targets.data.length}</span>}
          </h3>
        </div>
        <AdminListStates
          query={targets}
          loading={
          <ul className="divide-y divide-slate-100" aria-busy="true" aria-label="Loading targets">
            {[0, 1, 2].map((i) => (
              <li key={i} className="flex items-center gap-3 px-4 py-3.5">
                <Skeleton className="size-8 rounded-full" />
                <div className="flex-1 space-y-1.5">
                  <Skeleton className="h-3.5 w-32" />
                  <Skeleton className="h-3 w-48" />
                </div>
              </li>
            ))}
          </ul>
          }
          forbidden={
          <EmptyState icon={<ShieldAlert className="size-5" />} title="Your role can't see the transfer targets" data-testid="targets-forbidden">
            {targets.error?.message} Ask an admin of this client if you need them.
          </EmptyState>
          }
          errorTitle="Couldn't load the transfer targets"
          describeError={describeActionError}
          empty={
          <EmptyState icon={<PhoneForwarded className="size-5" />} title="No transfer targets yet" data-testid="targets-empty">
            {manage
              ? "Add the front desk, an on-call line or a SIP queue above. Without targets, supervisors can still transfer to a number they type in."
              : "An admin of this client can add the front desk, an on-call line or a SIP queue. Until then, supervisors can transfer to a number they type in."}
          </EmptyState>
          }
        >
          {(items) => (
          <ul className="divide-y divide-slate-100">
            {items.map((t) => (
              <li key={t.id} data-testid="target-row" data-target-id={t.id} className="group flex items-center gap-3 px-4 py-3">
                <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-violet-50 text-violet-600 ring-1 ring-violet-600/10">
                  <Phone aria-hidden className="size-3.5" />
                </span>
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-slate-900">{t.name}</p>
                  <p className="flex flex-wrap gap-x-3 text-xs text-slate-500">
                    {t.number && <span className="tabular-nums">{formatPhone(t.number)}</span>}
                    {t.sipUri && <span className="truncate font-mono">{t.sipUri}</span>}
                  </p>
                </div>
                {manage && (
                  <Button variant="ghost" size="sm" aria-label={`Delete ${t.name}`} title="Delete" data-testid="target-delete" onClick={() => setDeleting(t)} className="text-slate-400 hover:text-red-600">
                    <Trash2 aria-hidden className="size-4" />
                  </Button>
                )}
              </li>
            ))}
          </ul>
          )}
        </AdminListStates>
      </section>
      {manage && deleting && <DeleteTargetDialog clientId={clientId} target={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}

function AddTargetForm({ clientId }: { clientId: string }) {
  const create = useCreateTarget(clientId);
  const notify = useToast();
  const [name, setName] = useState("");
  const [number, setNumber] = useState("");
  const [sipUri, setSipUri] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const ids = { name: useId(), number: useId(), sip: useId() };

  const phone = validateE164(number);
  const sip = validateSipUri(sipUri);
  const nameError = name.trim() === "" ? "Give the target a name, e.g. Front desk." : null;
  const numberError = number.trim() && !phone.ok ? phone.error : null;
  const sipError = sipUri.trim() && !sip.ok ? sip.error : null;
  const missing = !number.trim() && !sipUri.trim() ? "Enter a phone number or a SIP URI." : null;
  const valid = !nameError && !numberError && !sipError && !missing;
  const apiError = create.error;
  const duplicate = apiError instanceof ApiError && apiError.code === "duplicate_name";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid || create.isPending) return;
    const body = {
      name: name.trim(),
      ...(phone.ok ? { number: phone.value } : {}),
      ...(sip.ok ? { sipUri: sip.value } : {}),
    };
    create.mutate(body, {
      onSuccess: (target) => {
        notify({ tone: "success", title: "Transfer target added", message: `${target?.name ?? body.name} is now in the Transfer dialog.` });
        setName("");
        setNumber("");
        setSipUri("");
        setSubmitted(false);
        create.reset();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="target-form" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
      <h3 className="mb-3 text-sm font-semibold text-slate-900">Add a target</h3>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Field label="Name" htmlFor={ids.name} error={(submitted && nameError) || (duplicate ? "A target with this name already exists." : null)} className="sm:col-span-2">
          <input
            id={ids.name}
            data-testid="target-name"
            className={inputClass}
            value={name}
            maxLength={MAX_NAME}
            placeholder="Front desk"
            aria-invalid={(submitted && Boolean(nameError)) || duplicate}
            onChange={(e) => {
              setName(e.target.value);
              if (duplicate) create.reset();
            }}
          />
        </Field>
        <Field label="Phone number" htmlFor={ids.number} error={numberError ?? (submitted ? missing : null)} hint={phone.ok ? `✓ ${formatPhone(phone.value)}` : "E.164, e.g. +14155550100"}>
          <input
            id={ids.number}
            data-testid="target-number"
            type="tel"
            inputMode="tel"
            className={inputClass}
            value={number}
            placeholder="+14155550100"
            aria-invalid={Boolean(numberError) || (submitted && Boolean(missing))}
            onChange={(e) => setNumber(e.target.value)}
          />
        </Field>
        <Field label="SIP URI" htmlFor={ids.sip} optional error={sipError} hint="For a PBX or contact centre queue.">
          <input
            id={ids.sip}
            data-testid="target-sip"
            className={inputClass}
            value={sipUri}
            placeholder="sip:frontdesk@pbx.example.com"
            aria-invalid={Boolean(sipError)}
            onChange={(e) => setSipUri(e.target.value)}
          />
        </Field>
      </div>
      {apiError && !duplicate && <ActionErrorAlert error={describeActionError(apiError)} />}
      <div className="mt-4 flex justify-end">
        <Button type="submit" variant="primary" data-testid="target-add" disabled={create.isPending}>
          {create.isPending ? <Spinner className="size-3.5 border-[1.5px]" label="Adding" /> : <Plus aria-hidden className="size-4" />}
          Add target
        </Button>
      </div>
    </form>
  );
}

function DeleteTargetDialog({ clientId, target, onClose }: { clientId: string; target: TransferTarget; onClose: () => void }) {
  const remove = useDeleteTarget(clientId);
  const notify = useToast();
  const error = remove.error && !(remove.error instanceof ApiError && remove.error.isNotFound) ? describeActionError(remove.error) : null;
  const submit = () =>
    remove.mutate(target.id, {
      onSuccess: () => {
        notify({ tone: "success", title: "Transfer target deleted", message: `${target.name} is no longer offered for transfers.` });
        onClose();
      },
      onError: (e) => {
        // Already gone (deleted elsewhere): that is what was wanted.
        if (e instanceof ApiError && e.isNotFound) onClose();
      },
    });
  return (
    <ConfirmDeleteDialog
      title={`Delete ${target.name}?`}
      description="Supervisors will no longer see it in the Transfer dialog. Past transfers to it stay in the calls' timelines."
      confirmLabel="Delete target"
      pendingLabel="Deleting"
      pending={remove.isPending}
      onConfirm={submit}
      onClose={onClose}
      error={error && <ActionErrorAlert error={error} />}
    />
  );
}
