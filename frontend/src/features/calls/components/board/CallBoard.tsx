import type { KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { tableHeadClass } from "@/components/ui/table";
import { useCallOrder, useHasSnapshot } from "@/features/live/hooks/live-context";
import { BoardEmptyState } from "./BoardEmptyState";
import { BoardSkeleton } from "./BoardSkeleton";
import { ACTIVITY_CELL, BOARD_GRID, COST_CELL, STARTED_CELL } from "./board-columns";
import { CallRow } from "./CallRow";

const ROW_SELECTOR = '[data-testid="call-row"]';

/** ↑/↓ (and Home/End) move focus between rows; Enter on a row opens it (handled by the row). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (!keys.includes(event.key)) return;
  const rows = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(ROW_SELECTOR));
  if (rows.length === 0) return;
  event.preventDefault();
  const current = rows.indexOf(document.activeElement as HTMLElement);
  let next: number;
  if (event.key === "Home") next = 0;
  else if (event.key === "End") next = rows.length - 1;
  else if (current === -1) next = 0;
  else next = Math.min(rows.length - 1, Math.max(0, current + (event.key === "ArrowDown" ? 1 : -1)));
  rows[next]!.focus();
}

export function CallBoard({ clientId, tenantName, selectedCallId, onOpen }: {
  clientId: string;
  tenantName: string;
  selectedCallId: string | null;
  onOpen: (id: string) => void;
}) {
  const order = useCallOrder();
  const ready = useHasSnapshot();

  return (
    <div role="table" aria-label="Calls" aria-rowcount={order.length} onKeyDown={moveFocus} className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <div role="rowgroup" className={cn(ready && order.length === 0 && "hidden")}>
        <div role="row" className={cn(BOARD_GRID, "border-b border-slate-200 px-4 py-2 sm:px-5", tableHeadClass)}>
          <div role="columnheader">Status</div>
          <div role="columnheader">Caller</div>
          <div role="columnheader" className={STARTED_CELL}>Started</div>
          <div role="columnheader">Duration</div>
          <div role="columnheader" className={ACTIVITY_CELL}>Activity</div>
          <div role="columnheader" className={cn(COST_CELL, "text-right")}>Cost</div>
        </div>
      </div>
      <div role="rowgroup">
        {!ready ? (
          <BoardSkeleton />
        ) : order.length === 0 ? (
          <BoardEmptyState clientId={clientId} tenantName={tenantName} />
        ) : (
          order.map((id) => <CallRow key={id} callId={id} selected={id === selectedCallId} onOpen={onOpen} />)
        )}
      </div>
    </div>
  );
}
