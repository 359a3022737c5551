import { Check, Copy, PhoneCall } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { webhookUrlFor } from "../../model/webhook-url";

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <Button size="sm" variant="ghost" onClick={copy} aria-label="Copy server URL">
      {copied ? <Check className="size-3.5 text-emerald-600" /> : <Copy className="size-3.5" />}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

export function BoardEmptyState({ clientId, tenantName }: { clientId: string; tenantName: string }) {
  const url = webhookUrlFor(clientId);
  return (
    <div data-testid="board-empty" className="flex flex-col items-center px-6 py-14 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-blue-50 text-blue-600 ring-8 ring-blue-50/50">
        <PhoneCall className="size-5" />
      </div>
      <h3 className="text-base font-semibold text-slate-900">No calls yet for {tenantName}</h3>
      <p className="mt-1 max-w-lg text-sm text-slate-500">Calls appear here the moment they start. Point Vapi at Switchboard to begin.</p>

      <ol className="mt-8 w-full max-w-xl space-y-5 text-left text-sm text-slate-600">
        <li className="flex gap-3">
          <Step n={1} />
          <div className="min-w-0 flex-1">
            <p>
              In Vapi, set the <strong className="font-medium text-slate-900">Server URL</strong> of the assistant or phone number to:
            </p>
            <div className="mt-2 flex items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 py-1 pr-1 pl-3">
              <code className="min-w-0 flex-1 truncate font-mono text-[13px] text-slate-800">{url}</code>
              <CopyButton text={url} />
            </div>
            <p className="mt-1.5 text-xs text-slate-400">It must be reachable from the internet over HTTPS.</p>
          </div>
        </li>
        <li className="flex gap-3">
          <Step n={2} />
          <p className="flex-1">
            Under <strong className="font-medium text-slate-900">Server Messages</strong>, keep the defaults and also enable{" "}
            <Code>transcript</Code> and <Code>transfer-update</Code>. Vapi leaves these two off, and without them there is no live transcript or
            transfer tracking.
          </p>
        </li>
        <li className="flex gap-3">
          <Step n={3} />
          <p className="flex-1">Place a test call. It shows up here with its live transcript.</p>
        </li>
      </ol>
    </div>
  );
}

function Step({ n }: { n: number }) {
  return <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-900 text-xs font-semibold text-white">{n}</span>;
}

function Code({ children }: { children: string }) {
  return <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[12.5px] text-slate-800">{children}</code>;
}
