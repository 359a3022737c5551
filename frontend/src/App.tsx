export function App() {
  return <h1 className="p-6 text-xl font-semibold text-slate-900">Switchboard</h1>;
}
