/**
 * The column headers of every table and columned list (the live board, History, the audit log, the delivery log,
 * API keys, the agency overview): small capitals on a light band, so a header never reads as a row.
 */
export const tableHeadClass = "bg-slate-50 text-[11px] font-semibold tracking-wider text-slate-500 uppercase";
