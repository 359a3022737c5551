const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Calls by local weekday × hour; darker is busier. */
export function Heatmap({ cells }: { cells: number[][] }) {
  const max = Math.max(1, ...cells.flat());
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-0.5 text-[10px]" data-testid="heatmap">
        <thead>
          <tr>
            <th />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col" className="font-normal text-slate-400">{h % 3 === 0 ? h : ""}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, d) => (
            <tr key={DAYS[d]}>
              <th scope="row" className="pr-1 text-right font-normal text-slate-500">{DAYS[d]}</th>
              {row.map((n, h) => (
                <td key={h} title={`${DAYS[d]} ${String(h).padStart(2, "0")}:00 · ${n} calls`} className="h-4 min-w-3 rounded-sm"
                  style={{ background: n === 0 ? "#f1f5f9" : `rgba(37, 99, 235, ${0.15 + 0.85 * (n / max)})` }} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
