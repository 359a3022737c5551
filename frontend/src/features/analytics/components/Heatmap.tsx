import { followInPlace, historyHref } from "../model/history-link";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const clock = (h: number) => `${String(h).padStart(2, "0")}:00`;

/**
 * Calls by local weekday × hour; darker is busier. A cell opens its calls in History: the same days, that weekday
 * (ISO, Monday = 1) and hour on the tenant's clock.
 */
export function Heatmap({ cells, from, to }: { cells: number[][]; from: string; to: string }) {
  const max = Math.max(1, ...cells.flat());
  return (
    <div className="overflow-x-auto">
      {/* Fixed layout: every hour the same width, whatever its label (a label starts where its hour does). */}
      <table className="w-full min-w-[36rem] table-fixed border-separate border-spacing-0.5 text-[10px]" data-testid="heatmap">
        <thead>
          <tr>
            <th className="w-9" />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col" className="overflow-visible text-left font-normal whitespace-nowrap text-slate-400 tabular-nums">{h % 3 === 0 ? clock(h) : ""}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, d) => (
            <tr key={DAYS[d]}>
              <th scope="row" className="pr-1 text-right font-normal text-slate-500">{DAYS[d]}</th>
              {row.map((n, h) => {
                const filters = { from, to, weekday: String(d + 1), hour: String(h) };
                const label = `${DAYS[d]} ${clock(h)}–${clock((h + 1) % 24)} · ${n.toLocaleString("en-US")} call${n === 1 ? "" : "s"}`;
                return (
                  <td key={h} className="p-0">
                    <a href={historyHref(filters)} title={label} aria-label={label} data-testid="heat-cell" data-weekday={d + 1} data-hour={h} data-calls={n}
                      onClick={(e) => followInPlace(e, filters)}
                      className="block h-5 w-full rounded-sm hover:ring-2 hover:ring-slate-900/40 focus-visible:outline-2 focus-visible:outline-blue-600"
                      style={{ background: n === 0 ? "#f1f5f9" : `rgba(37, 99, 235, ${0.15 + 0.85 * (n / max)})` }} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
