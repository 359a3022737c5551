import { ArrowRightLeft, CheckCircle2, Settings } from "lucide-react";
import { useId, useState } from "react";
import { ActionDialogFooter } from "@/components/ui/ActionDialogFooter";
import { Dialog, DialogIcon } from "@/components/ui/Dialog";
import { Field, inputClass } from "@/components/ui/Field";
import { setSearchParams } from "@/app/url-state";
import type { CallView, TransferTarget } from "@/lib/api-types";
import { formatPhone } from "@/lib/format";
import { useTransferTargets } from "@/features/targets/api/targets";
import { validateE164 } from "../model/destination";
import { ActionErrorAlert } from "./ActionErrorAlert";
import { useActionRunner } from "./useActionRunner";

const MAX_MESSAGE = 500;

function targetLabel(t: TransferTarget): string {
  const where = t.number ? formatPhone(t.number) : t.sipUri;
  return where ? `${t.name} · ${where}` : t.name;
}

/**
 * Transfer: to one of the tenant's saved targets, or a number typed in (checked as E.164 while typing),
 * with an optional line the assistant says first. The confirm button is the confirmation: the dialog
 * spells out who the caller goes to, and that the assistant leaves the call.
 */
export function TransferDialog({ clientId, call, onClose }: { clientId: string; call: CallView; onClose: () => void }) {
  const targets = useTransferTargets(clientId);
  const [targetId, setTargetId] = useState("");
  const [number, setNumber] = useState("");
  const [message, setMessage] = useState("");
  const { run, pending, error } = useActionRunner(clientId, call.id);
  const ids = { target: useId(), number: useId(), message: useId() };

  const target = targets.data?.find((t) => String(t.id) === targetId) ?? null;
  const typed = validateE164(number);
  const destination = target ? targetLabel(target) : typed.ok ? formatPhone(typed.value) : null;
  const ready = destination !== null && !pending;
  const list = targets.data ?? [];

  const submit = () => {
    if (!ready) return;
    const spoken = message.trim() ? { message: message.trim() } : {};
    const body = target ? { targetId: target.id, ...spoken } : { number: (typed as { value: string }).value, ...spoken };
    void run(
      { kind: "transfer", body },
      { title: "Transfer requested", message: `The provider accepted the transfer to ${destination}. The call shows Forwarding once it starts.` },
      onClose,
    );
  };

  return (
    <Dialog
      title="Transfer this call"
      description={<>The assistant hands {formatPhone(call.phoneNumber)} over to a person and leaves the call.</>}
      icon={
        <DialogIcon tone="violet">
          <ArrowRightLeft aria-hidden className="size-5" />
        </DialogIcon>
      }
      onClose={onClose}
      busy={pending}
      data-testid="transfer-dialog"
      footer={
        <ActionDialogFooter onCancel={onClose} onConfirm={submit} variant="danger" label="Transfer now" pendingLabel="Transferring"
          icon={<ArrowRightLeft aria-hidden className="size-4" />} pending={pending} disabled={!ready} />
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field
          label="Saved target"
          htmlFor={ids.target}
          hint={
            targets.isError ? (
              "Couldn't load the saved targets; type a number instead."
            ) : !targets.isPending && list.length === 0 ? (
              <button
                type="button"
                className="inline-flex items-center gap-1 font-medium text-blue-700 hover:underline"
                onClick={() => {
                  onClose();
                  setSearchParams({ view: "targets", call: null });
                }}
              >
                <Settings aria-hidden className="size-3" /> No saved targets yet: add some in Transfer targets
              </button>
            ) : undefined
          }
        >
          <select
            id={ids.target}
            data-testid="transfer-target"
            data-autofocus={list.length > 0 ? "" : undefined}
            className={inputClass}
            value={targetId}
            disabled={pending || targets.isPending || list.length === 0}
            onChange={(e) => {
              setTargetId(e.target.value);
              if (e.target.value) setNumber("");
            }}
          >
            <option value="">{targets.isPending ? "Loading…" : list.length === 0 ? "None saved" : "Choose a target…"}</option>
            {list.map((t) => (
              <option key={t.id} value={String(t.id)}>
                {targetLabel(t)}
              </option>
            ))}
          </select>
        </Field>

        <div className="flex items-center gap-3 text-xs font-medium text-slate-400">
          <span className="h-px flex-1 bg-slate-200" />
          or
          <span className="h-px flex-1 bg-slate-200" />
        </div>

        <Field
          label="Phone number"
          htmlFor={ids.number}
          error={number && !typed.ok ? typed.error : null}
          hint={
            typed.ok ? (
              <span className="inline-flex items-center gap-1 text-emerald-700">
                <CheckCircle2 aria-hidden className="size-3.5" /> {formatPhone(typed.value)}
              </span>
            ) : (
              "International format: + country code and number, e.g. +14155550100."
            )
          }
        >
          <input
            id={ids.number}
            data-testid="transfer-number"
            data-autofocus={list.length === 0 ? "" : undefined}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder="+14155550100"
            className={inputClass}
            value={number}
            disabled={pending}
            aria-invalid={number !== "" && !typed.ok}
            onChange={(e) => {
              setNumber(e.target.value);
              if (e.target.value) setTargetId("");
            }}
          />
        </Field>

        <Field label="Say first" htmlFor={ids.message} optional hint="The assistant says this to the caller before transferring.">
          <input
            id={ids.message}
            data-testid="transfer-message"
            maxLength={MAX_MESSAGE}
            placeholder="Transferring you to a colleague now."
            className={inputClass}
            value={message}
            disabled={pending}
            onChange={(e) => setMessage(e.target.value)}
          />
        </Field>

        {destination && (
          <p className="rounded-lg bg-violet-50 px-3 py-2 text-sm text-violet-900 ring-1 ring-violet-600/15 ring-inset">
            The caller will be transferred to <strong className="font-semibold">{destination}</strong>. This can't be undone.
          </p>
        )}
        <button type="submit" hidden />
      </form>
      {error && <ActionErrorAlert error={error} />}
    </Dialog>
  );
}
