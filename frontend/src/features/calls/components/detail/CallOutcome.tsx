import { AlertOctagon, AlertTriangle, ArrowRightLeft, CheckCircle2, Hourglass, XCircle } from "lucide-react";
import { Section } from "@/components/ui/Card";
import { Badge } from "@/components/ui/Badge";
import { cn } from "@/components/ui/cn";
import type { CallView } from "@/lib/api-types";
import { describeEndedReason, type EndedReasonTone } from "@/lib/ended-reason";
import { formatPhone } from "@/lib/format";
import { readEvaluation, type Evaluation } from "../../model/success-evaluation";

const toneStyle: Record<EndedReasonTone, { box: string; icon: typeof CheckCircle2 }> = {
  neutral: { box: "border-slate-200 bg-slate-50 text-slate-700", icon: CheckCircle2 },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: AlertTriangle },
  error: { box: "border-red-200 bg-red-50 text-red-900", icon: AlertOctagon },
};

/** After the call: why it ended, whether it succeeded, where it was transferred, and the summary. */
export function CallOutcome({ call }: { call: CallView }) {
  if (call.status !== "ended") {
    return (
      <Section title="Outcome">
        <p className="flex items-start gap-2 rounded-lg border border-dashed border-slate-200 px-3 py-2.5 text-sm text-slate-500">
          <Hourglass aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-400" />
          Summary, analysis, cost and recording arrive with Vapi's end-of-call report when the call ends.
        </p>
        {call.transferDestination && <Transfer destination={call.transferDestination} />}
      </Section>
    );
  }
  const reason = describeEndedReason(call.endedReason);
  const evaluation = readEvaluation(call.successEvaluation);
  const reportPending = call.summary === null && call.cost === null && call.recordingUrl === null;
  const style = toneStyle[reason?.tone ?? "neutral"];
  const Icon = style.icon;

  return (
    <Section title="Outcome">
      {reason ? (
        <div className={cn("flex gap-2.5 rounded-lg border px-3 py-2.5", style.box)}>
          <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
          <div className="min-w-0 text-sm">
            <p className="font-medium">{reason.label}</p>
            <p className="mt-0.5 opacity-80">{reason.explanation}</p>
            <p className="mt-1 truncate font-mono text-[11px] opacity-60" title={call.endedReason ?? undefined}>
              {call.endedReason}
            </p>
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-500">The provider did not say why the call ended.</p>
      )}
      {call.transferDestination && <Transfer destination={call.transferDestination} />}
      {evaluation && <EvaluationRow evaluation={evaluation} />}
      {call.summary ? (
        <div>
          <h4 className="mb-1 text-xs font-medium text-slate-500">Summary</h4>
          <p data-testid="call-summary" className="text-sm leading-relaxed whitespace-pre-wrap text-slate-800">
            {call.summary}
          </p>
        </div>
      ) : reportPending ? (
        <p className="flex items-center gap-2 text-sm text-slate-500">
          <Hourglass aria-hidden className="size-4 text-slate-400" />
          Waiting for the end-of-call report…
        </p>
      ) : null}
    </Section>
  );
}

function Transfer({ destination }: { destination: string }) {
  return (
    <p className="flex items-center gap-2 rounded-lg border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900">
      <ArrowRightLeft aria-hidden className="size-4 shrink-0" />
      <span>
        Transferred to <span className="font-medium tabular-nums">{formatPhone(destination)}</span>
      </span>
    </p>
  );
}

function EvaluationRow({ evaluation }: { evaluation: Evaluation }) {
  return (
    <div className="flex items-start justify-between gap-3 text-sm">
      <span className="pt-0.5 text-xs font-medium text-slate-500">Success evaluation</span>
      <EvaluationValue evaluation={evaluation} />
    </div>
  );
}

function EvaluationValue({ evaluation }: { evaluation: Evaluation }) {
  switch (evaluation.kind) {
    case "pass":
      return (
        <Badge tone="green" icon={<CheckCircle2 aria-hidden className="size-3.5" />}>
          Successful
        </Badge>
      );
    case "fail":
      return (
        <Badge tone="red" icon={<XCircle aria-hidden className="size-3.5" />}>
          Unsuccessful
        </Badge>
      );
    case "score":
      return (
        <span className="font-semibold text-slate-900 tabular-nums">
          {evaluation.value}
          {evaluation.outOf !== null && <span className="font-normal text-slate-400"> / {evaluation.outOf}</span>}
        </span>
      );
    case "text":
      return <span className="text-right text-slate-800">{evaluation.text}</span>;
    case "structured":
      return <pre className="max-w-[14rem] overflow-x-auto rounded bg-slate-50 p-2 text-[11px] text-slate-700">{evaluation.json}</pre>;
  }
}
