import { Skeleton } from "@/components/ui/Skeleton";
import { cn } from "@/components/ui/cn";
import { ACTIVITY_CELL, BOARD_GRID, COST_CELL, STARTED_CELL } from "./board-columns";

/** Placeholder rows while the first snapshot is on its way. */
export function BoardSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div data-testid="board-loading" aria-busy="true" aria-label="Loading calls">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={cn(BOARD_GRID, "min-h-15 border-b border-slate-100 px-4 py-3 last:border-b-0 sm:px-5")} style={{ opacity: 1 - i * 0.12 }}>
          <Skeleton className="h-5 w-20 rounded-full" />
          <div className="space-y-1.5">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-3 w-20" />
          </div>
          <div className={STARTED_CELL}>
            <Skeleton className="h-4 w-16" />
          </div>
          <Skeleton className="h-4 w-10" />
          <div className={ACTIVITY_CELL}>
            <Skeleton className="h-4 w-4/5" />
          </div>
          <div className={COST_CELL}>
            <Skeleton className="ml-auto h-4 w-10" />
          </div>
        </div>
      ))}
    </div>
  );
}
