import { createContext, useContext } from "react";

export type ToastTone = "success" | "error" | "info";

export interface ToastInput {
  tone: ToastTone;
  title: string;
  message?: string | null;
  /** Small print, e.g. "Request ID req-42". */
  detail?: string | null;
}

export type Notify = (toast: ToastInput) => void;

export const ToastContext = createContext<Notify>(() => {});

/** Tells the person what happened after an action; errors stay longer than successes. */
export function useToast(): Notify {
  return useContext(ToastContext);
}
