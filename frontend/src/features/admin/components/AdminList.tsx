import { Lock } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { ApiError } from "@/lib/api-client";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import type { ActionErrorView } from "@/features/control/model/action-errors";

/** What {@link AdminListStates} needs of a list query (TanStack Query's result has it). */
export interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T[] | undefined;
  refetch: () => unknown;
}

/**
 * The states of an admin list card, in the order they win: loading, refused (the server said 403), failed (with
 * the reason and a retry), empty, then the rows. Each screen keeps its own card, skeleton and rows.
 */
export function AdminListStates<T>({ query, loading, forbidden, errorTitle, describeError, empty, children }: {
  query: ListQuery<T>;
  loading: ReactNode;
  /** Shown instead of the error when the server refuses the list to this role; without it, a 403 is an error. */
  forbidden?: ReactNode;
  errorTitle: string;
  describeError: (error: unknown) => ActionErrorView;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <>{loading}</>;
  if (forbidden && query.error instanceof ApiError && query.error.isForbidden) return <>{forbidden}</>;
  if (query.isError || !query.data) {
    return (
      <div className="px-4 py-6">
        <ActionErrorAlert error={{ ...describeError(query.error), title: errorTitle }} />
        <Button className="mt-3" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (query.data.length === 0) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/** Above a list the reader may see but not change: who can. */
export function ReadOnlyNotice({ children, "data-testid": testId }: { children: ReactNode; "data-testid"?: string }) {
  return (
    <p data-testid={testId} className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600 shadow-xs">
      <Lock aria-hidden className="size-4 shrink-0 text-slate-400" />
      {children}
    </p>
  );
}
