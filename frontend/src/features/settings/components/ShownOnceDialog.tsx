import { KeyRound, TriangleAlert } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { Dialog, DialogIcon } from "@/components/ui/Dialog";
import { CopyField } from "./CopyButton";

/**
 * Shows a new secret (a webhook secret, an API key) the one time the server sends it, with Copy and a warning.
 * It closes only through "I have stored it", so it is not dismissed by a stray click before it was copied.
 */
export function ShownOnceDialog({ title, secret, children, onDone, "data-testid": testId }: {
  title: string;
  secret: string;
  children?: ReactNode;
  onDone: () => void;
  "data-testid"?: string;
}) {
  const [stored, setStored] = useState(false);
  return (
    <Dialog
      title={title}
      data-testid={testId}
      className="max-w-lg"
      icon={
        <DialogIcon tone="amber">
          <KeyRound aria-hidden className="size-5" />
        </DialogIcon>
      }
      onClose={() => stored && onDone()}
      busy={!stored}
      footer={
        <Button variant="primary" data-testid="shown-once-done" onClick={onDone} disabled={!stored}>
          Done
        </Button>
      }
    >
      <div className="space-y-3">
        <CopyField value={secret} data-testid="shown-once-secret" />
        <p className="flex gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
          <span>Copy it now and keep it somewhere safe: Switchboard will not show it again. Afterwards only its last four characters are shown.</span>
        </p>
        {children}
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" data-testid="shown-once-stored" checked={stored} onChange={(e) => setStored(e.target.checked)} className="size-4 rounded border-slate-300" />
          I have stored it
        </label>
      </div>
    </Dialog>
  );
}
