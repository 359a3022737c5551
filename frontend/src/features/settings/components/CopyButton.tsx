import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

/**
 * Copies `value` to the clipboard and says so. Where the clipboard is not available (a page served over
 * plain http from another host), it says to select and copy instead of failing silently.
 */
export function CopyButton({ value, label = "Copy", "data-testid": testId }: { value: string; label?: string; "data-testid"?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
      setTimeout(() => setState("idle"), 2000);
    } catch {
      setState("manual");
    }
  };
  return (
    <Button size="sm" onClick={() => void copy()} data-testid={testId} aria-live="polite">
      {state === "copied" ? <Check aria-hidden className="size-3.5 text-emerald-600" /> : <Copy aria-hidden className="size-3.5" />}
      {state === "copied" ? "Copied" : state === "manual" ? "Select it and press Ctrl+C" : label}
    </Button>
  );
}

/** A value to paste elsewhere: monospace, selectable in one click, with a Copy button. */
export function CopyField({ value, "data-testid": testId }: { value: string; "data-testid"?: string }) {
  return (
    <div className="flex items-center gap-2">
      <input
        readOnly
        value={value}
        data-testid={testId}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full min-w-0 rounded-lg border-0 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-slate-200 ring-inset focus:ring-2 focus:ring-blue-600 focus:outline-none"
      />
      <CopyButton value={value} data-testid={testId ? `${testId}-copy` : undefined} />
    </div>
  );
}
