import { EyeOff, MessageSquareText } from "lucide-react";
import { useId, useState } from "react";
import { ActionDialogFooter } from "@/components/ui/ActionDialogFooter";
import { Dialog, DialogIcon } from "@/components/ui/Dialog";
import { Field, inputClass } from "@/components/ui/Field";
import { cn } from "@/components/ui/cn";
import type { CallView } from "@/lib/api-types";
import { ActionErrorAlert } from "./ActionErrorAlert";
import { useActionRunner } from "./useActionRunner";

const MAX_TEXT = 1000;

/** Say: the assistant speaks the text, word for word, as its next line. */
export function SayDialog({ clientId, call, onClose }: { clientId: string; call: CallView; onClose: () => void }) {
  const [text, setText] = useState("");
  const [hangUp, setHangUp] = useState(false);
  const { run, pending, error } = useActionRunner(clientId, call.id);
  const id = useId();
  const value = text.trim();

  const submit = () => {
    if (!value || pending) return;
    void run(
      { kind: "say", body: { text: value, endCallAfterSpoken: hangUp } },
      { title: "Sent to the assistant", message: hangUp ? "It says your line next, then hangs up." : "It says your line next; it appears in the transcript." },
      onClose,
    );
  };

  return (
    <Dialog
      title="Make the assistant say something"
      description="The caller hears the assistant say exactly this, as its next line."
      icon={
        <DialogIcon tone="blue">
          <MessageSquareText aria-hidden className="size-5" />
        </DialogIcon>
      }
      onClose={onClose}
      busy={pending}
      data-testid="say-dialog"
      footer={
        <ActionDialogFooter onCancel={onClose} onConfirm={submit} variant={hangUp ? "danger" : "primary"} label={hangUp ? "Say it and hang up" : "Say it"}
          pendingLabel="Sending" pending={pending} disabled={!value} />
      }
    >
      <TextField id={id} testId="say-text" label="What the assistant says" placeholder="Let me check that for you, one moment please." value={text} onChange={setText} onSubmit={submit} disabled={pending} />
      <label className="mt-3 flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-red-600" checked={hangUp} disabled={pending} onChange={(e) => setHangUp(e.target.checked)} />
        <span>
          End the call after saying it
          <span className="block text-xs text-slate-500">The caller is disconnected once the line is spoken.</span>
        </span>
      </label>
      {error && <ActionErrorAlert error={error} />}
    </Dialog>
  );
}

/** Whisper: a hidden instruction for the assistant (a system message); the caller hears nothing. */
export function WhisperDialog({ clientId, call, onClose }: { clientId: string; call: CallView; onClose: () => void }) {
  const [text, setText] = useState("");
  const { run, pending, error } = useActionRunner(clientId, call.id);
  const id = useId();
  const value = text.trim();

  const submit = () => {
    if (!value || pending) return;
    void run({ kind: "whisper", body: { text: value } }, { title: "Whispered to the assistant", message: "It takes the instruction into account from its next reply." }, onClose);
  };

  return (
    <Dialog
      title="Whisper to the assistant"
      description="A hidden instruction only the assistant reads."
      icon={
        <DialogIcon tone="slate">
          <EyeOff aria-hidden className="size-5" />
        </DialogIcon>
      }
      onClose={onClose}
      busy={pending}
      data-testid="whisper-dialog"
      footer={<ActionDialogFooter onCancel={onClose} onConfirm={submit} variant="primary" label="Whisper" pendingLabel="Sending" pending={pending} disabled={!value} />}
    >
      <p className="mb-4 flex gap-2 rounded-lg bg-slate-50 px-3 py-2.5 text-xs leading-relaxed text-slate-600 ring-1 ring-slate-200 ring-inset">
        <EyeOff aria-hidden className="mt-0.5 size-3.5 shrink-0 text-slate-400" />
        <span>
          <strong className="font-semibold text-slate-800">The caller does not hear this.</strong> It is added to the assistant's conversation as a system message; the
          assistant follows it from its next reply. Nothing is said right away.
        </span>
      </p>
      <TextField id={id} testId="whisper-text" label="Instruction" placeholder="Offer the customer a 10% discount before they hang up." value={text} onChange={setText} onSubmit={submit} disabled={pending} />
      {error && <ActionErrorAlert error={error} />}
    </Dialog>
  );
}

function TextField({ id, testId, label, placeholder, value, onChange, onSubmit, disabled }: {
  id: string;
  testId: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  disabled: boolean;
}) {
  const near = value.length > MAX_TEXT * 0.9;
  return (
    <Field label={label} htmlFor={id} hint={<span className={cn("block text-right tabular-nums", near && "text-amber-700")}>{value.length} / {MAX_TEXT} · Ctrl+Enter to send</span>}>
      <textarea
        id={id}
        data-testid={testId}
        data-autofocus=""
        rows={3}
        maxLength={MAX_TEXT}
        placeholder={placeholder}
        className={cn(inputClass, "resize-y")}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
    </Field>
  );
}
