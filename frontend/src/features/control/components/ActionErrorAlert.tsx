import { AlertTriangle } from "lucide-react";
import type { ActionErrorView } from "../model/action-errors";

/** The API's error for a failed action, in a dialog: headline, the server's message, request id. */
export function ActionErrorAlert({ error }: { error: ActionErrorView }) {
  return (
    <div role="alert" data-testid="action-error" data-code={error.code} className="mt-4 flex gap-2.5 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900">
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
      <div className="min-w-0">
        <p className="font-medium">{error.title}</p>
        <p className="mt-0.5 break-words text-red-800">{error.message}</p>
        {error.detail && <p className="mt-1 text-xs text-red-700/70">{error.detail}</p>}
      </div>
    </div>
  );
}
