import { X } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: dimmed backdrop, focus moved inside and kept there, Esc or a backdrop click to
 * cancel (unless `busy`: a request in flight is not abandoned), focus returned on close. Esc is
 * consumed, so it does not also close the call panel behind.
 */
export function Dialog({ title, description, icon, onClose, busy = false, children, footer, className, "data-testid": testId }: {
  title: ReactNode;
  description?: ReactNode;
  icon?: ReactNode;
  onClose: () => void;
  busy?: boolean;
  children?: ReactNode;
  footer?: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const busyRef = useRef(busy);
  const closeRef = useRef(onClose);
  useEffect(() => {
    busyRef.current = busy;
    closeRef.current = onClose;
  });

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    focusInitial(ref.current);
    // Esc anywhere (even with focus lost to the page, e.g. on a control disabled while sending)
    // cancels this dialog and nothing else: captured before the call panel's own Esc handler.
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      if (!busyRef.current) closeRef.current();
    };
    document.addEventListener("keydown", onEscape, true);
    return () => {
      document.removeEventListener("keydown", onEscape, true);
      previous?.focus?.();
    };
  }, []);

  // Controls disabled while a request was out lose focus; bring it back into the dialog after.
  useEffect(() => {
    const node = ref.current;
    if (!busy && node && !node.contains(document.activeElement)) focusInitial(node);
  }, [busy]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "Tab" || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items.at(-1)!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto p-4 pt-[12vh]" onKeyDown={onKeyDown}>
      <div aria-hidden className="fixed inset-0 bg-slate-900/40 backdrop-blur-[2px]" onClick={() => !busyRef.current && closeRef.current()} />
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        data-testid={testId}
        className={cn("relative w-full max-w-md rounded-2xl bg-white shadow-2xl ring-1 ring-slate-900/10 focus:outline-none", className)}
      >
        <div className="flex items-start gap-3 px-5 pt-5">
          {icon}
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            {description && (
              <div id={descriptionId} className="mt-1 text-sm text-slate-500">
                {description}
              </div>
            )}
          </div>
          <button
            type="button"
            onClick={() => !busy && onClose()}
            disabled={busy}
            aria-label="Close"
            className="-mt-1 -mr-2 flex size-8 items-center justify-center rounded-lg text-slate-400 hover:bg-slate-100 hover:text-slate-600 disabled:opacity-40"
          >
            <X aria-hidden className="size-4" />
          </button>
        </div>
        {children && <div className="px-5 pt-4">{children}</div>}
        {footer && <div className="mt-5 flex items-center justify-end gap-2 rounded-b-2xl border-t border-slate-100 bg-slate-50/70 px-5 py-3">{footer}</div>}
        {!footer && <div className="h-5" />}
      </div>
    </div>,
    document.body,
  );
}

function focusInitial(node: HTMLElement | null) {
  if (!node) return;
  const first = node.querySelector<HTMLElement>("[data-autofocus]:not([disabled])") ?? node.querySelector<HTMLElement>(FOCUSABLE);
  (first ?? node).focus();
}

/** The round tinted icon at the top left of a dialog. */
export function DialogIcon({ tone = "blue", children }: { tone?: "blue" | "red" | "violet" | "amber" | "slate"; children: ReactNode }) {
  const tones = {
    blue: "bg-blue-50 text-blue-600 ring-blue-600/10",
    red: "bg-red-50 text-red-600 ring-red-600/10",
    violet: "bg-violet-50 text-violet-600 ring-violet-600/10",
    amber: "bg-amber-50 text-amber-600 ring-amber-600/10",
    slate: "bg-slate-100 text-slate-600 ring-slate-600/10",
  };
  return <span className={cn("flex size-10 shrink-0 items-center justify-center rounded-full ring-1", tones[tone])}>{children}</span>;
}
