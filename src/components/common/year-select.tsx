// The plan-year choice of the dashboards (?year=), written once: the bare <select> for a filter
// form, and a small form of its own for pages without one. Shown only when several years exist.
const selectClass = "rounded border border-slate-300 bg-white px-2 py-1";

export function YearSelect({ years, year, id }: { years: number[]; year: number; id?: string }) {
  return (
    <select id={id} name="year" defaultValue={String(year)} className={selectClass}>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}年
        </option>
      ))}
    </select>
  );
}

export function YearForm({ years, year, id, label }: { years: number[]; year: number; id: string; label?: string }) {
  if (years.length <= 1) return null;
  return (
    <form method="get" className="no-print flex items-center gap-2 text-sm" aria-label={label}>
      <label htmlFor={id}>年度</label>
      <YearSelect years={years} year={year} id={id} />
      <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white hover:bg-slate-700">
        查看
      </button>
    </form>
  );
}
