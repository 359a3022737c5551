import { AlertCircle, SearchX, X } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Spinner } from "@/components/ui/Spinner";
import { cn } from "@/components/ui/cn";
import { ApiError } from "@/lib/api-client";
import type { CallView } from "@/lib/api-types";
import { CallControls } from "@/features/control/components/CallControls";
import { ListenPanel } from "@/features/listen/components/ListenPanel";
import { useListenSession } from "@/features/listen/hooks/useListenSession";
import { useCallDetail, type CallDetailView } from "../../hooks/useCallDetail";
import { CallFacts } from "./CallFacts";
import { CallOutcome } from "./CallOutcome";
import { CostBreakdown } from "./CostBreakdown";
import { DetailHeader } from "./DetailHeader";
import { Recording } from "./Recording";
import { StatusTimeline } from "./StatusTimeline";
import { StructuredData } from "./StructuredData";
import { Transcript } from "./Transcript";

/**
 * The side panel for one call (`?call=<id>`). Two columns when wide enough (transcript | facts, each
 * scrolling on its own); one scrolling column when narrow, with the outcome first for ended calls.
 */
export function CallDetailPanel({ clientId, callId, onClose }: { clientId: string; callId: string; onClose: () => void }) {
  const detail = useCallDetail(clientId, callId);
  const { call } = detail;

  return (
    <aside data-testid="call-detail" aria-label="Call details" className="@container flex h-full min-h-0 flex-col bg-white">
      {call ? (
        <LoadedCall clientId={clientId} call={call} detail={detail} onClose={onClose} />
      ) : (
        <PanelState error={detail.error} loading={detail.loading} callId={callId} onClose={onClose} onRetry={detail.retry} />
      )}
    </aside>
  );
}

/**
 * Header, the live call's action bar, then transcript | facts. While listening, the Listen panel sits
 * at the top of the facts column, beside the live transcript (above it when narrow).
 */
function LoadedCall({ clientId, call, detail, onClose }: { clientId: string; call: CallView; detail: CallDetailView; onClose: () => void }) {
  const listen = useListenSession(clientId, call);
  const listenPhase = listen.phase;
  const listening = listenPhase === "connecting" || listenPhase === "buffering" || listenPhase === "playing";

  return (
    <>
      <DetailHeader call={call} onClose={onClose} />
      <CallControls clientId={clientId} call={call} actions={detail.actions} listen={{ active: listening, start: listen.start, stop: listen.stop }} />
      <div className="flex min-h-0 flex-1 flex-col overflow-y-auto @2xl:grid @2xl:grid-cols-[minmax(0,1fr)_19rem] @2xl:grid-rows-[auto_minmax(0,1fr)] @2xl:overflow-hidden">
        {listen.client && <ListenPanel session={listen} client={listen.client} className="shrink-0 @2xl:col-start-2 @2xl:row-start-1" />}
        <Transcript
          call={call}
          lines={detail.transcript}
          loading={detail.loading}
          className="h-[28rem] shrink-0 border-b border-slate-200 @2xl:col-start-1 @2xl:row-span-2 @2xl:row-start-1 @2xl:h-auto @2xl:border-b-0"
        />
        <div
          className={cn(
            "space-y-6 bg-slate-50/60 px-5 py-5 @2xl:col-start-2 @2xl:overflow-y-auto @2xl:border-l @2xl:border-slate-200",
            listen.client ? "@2xl:row-start-2" : "@2xl:row-span-2 @2xl:row-start-1",
            call.status === "ended" && !listen.client && "order-first @2xl:order-none",
          )}
        >
          <CallOutcome call={call} />
          <Recording call={call} />
          <StructuredData data={call.structuredData} />
          <CostBreakdown call={call} />
          <StatusTimeline entries={detail.timeline} actions={detail.actions} loading={detail.loading} />
          <CallFacts call={call} />
        </div>
      </div>
    </>
  );
}

function PanelState({ error, loading, callId, onClose, onRetry }: {
  error: Error | null;
  loading: boolean;
  callId: string;
  onClose: () => void;
  onRetry: () => void;
}) {
  const notFound = error instanceof ApiError && error.isNotFound;
  return (
    <div className="flex h-full flex-col">
      <div className="flex justify-end px-3 pt-3">
        <Button variant="ghost" onClick={onClose} aria-label="Close call details" title="Close (Esc)" className="size-9 px-0">
          <X className="size-5" />
        </Button>
      </div>
      <div className="flex flex-1 items-center justify-center pb-16">
        {loading && !error ? (
          <div className="flex items-center gap-2 text-sm text-slate-500">
            <Spinner className="text-blue-600" label="Loading call" /> Loading call…
          </div>
        ) : notFound ? (
          <EmptyState icon={<SearchX className="size-5" />} title="Call not found" data-testid="call-not-found">
            There is no call <code className="font-mono text-xs break-all text-slate-700">{callId}</code> for this client. It may belong to another
            client, or the link is wrong.
          </EmptyState>
        ) : (
          <EmptyState icon={<AlertCircle className="size-5" />} title="Couldn't load this call">
            <p>{error?.message ?? "Something went wrong."}</p>
            {error instanceof ApiError && error.requestId && <p className="mt-1 text-xs text-slate-400">Request ID {error.requestId}</p>}
            <Button className="mt-4" onClick={onRetry}>
              Try again
            </Button>
          </EmptyState>
        )}
      </div>
    </div>
  );
}
