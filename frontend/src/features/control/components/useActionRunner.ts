import { useCallback, useEffect, useRef } from "react";
import { useToast } from "@/components/ui/toast-context";
import { useControlAction, type ControlRequest } from "../api/control";
import { describeActionError, type ActionErrorView } from "../model/action-errors";

/**
 * Runs a control action from a dialog: pending while the request is out, a success toast and
 * `onDone` when the API accepts it, the API's error inline otherwise (or as a toast when the dialog
 * is gone by then, e.g. the call ended meanwhile).
 */
export function useActionRunner(clientId: string, callId: string) {
  const mutation = useControlAction(clientId, callId);
  const notify = useToast();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const { mutateAsync } = mutation;

  const run = useCallback(
    async (request: ControlRequest, success: { title: string; message?: string }, onDone?: () => void): Promise<boolean> => {
      try {
        await mutateAsync(request);
      } catch (error) {
        if (!mounted.current) {
          const view = describeActionError(error);
          notify({ tone: "error", title: view.title, message: view.message, detail: view.detail });
        }
        return false;
      }
      notify({ tone: "success", ...success });
      onDone?.();
      return true;
    },
    [mutateAsync, notify],
  );

  const error: ActionErrorView | null = mutation.error ? describeActionError(mutation.error) : null;
  return { run, pending: mutation.isPending, error, reset: mutation.reset };
}
