// The cells every data table here repeats: a column heading (numbers right-aligned, as the figures
// under it) and a row heading. Padding stays overridable for the denser tables.

export function Th({ children, numeric = false, className = "px-2 py-1" }: { children: React.ReactNode; numeric?: boolean; className?: string }) {
  return (
    <th scope="col" className={`${className} ${numeric ? "text-right " : ""}font-medium`}>
      {children}
    </th>
  );
}

/** The small tables' heading row (grey band, small type): one Th per column, in order. */
export function TableHead({ columns }: { columns: Array<{ label: React.ReactNode; numeric?: boolean }> }) {
  return (
    <thead className="bg-slate-100 text-left text-xs text-slate-600">
      <tr>
        {columns.map((c, i) => (
          <Th key={i} numeric={c.numeric}>
            {c.label}
          </Th>
        ))}
      </tr>
    </thead>
  );
}

/** A row's heading cell: what the row is about (a park, a source), in plain weight. */
export function RowTh({ children }: { children: React.ReactNode }) {
  return (
    <th scope="row" className="px-2 py-1 text-left font-normal">
      {children}
    </th>
  );
}

/** A figure's cell, right-aligned in tabular digits; `nowrap` keeps an amount with its unit on one line. */
export function NumTd({ children, nowrap = false }: { children: React.ReactNode; nowrap?: boolean }) {
  return <td className={`num ${nowrap ? "whitespace-nowrap " : ""}px-2 py-1 text-right`}>{children}</td>;
}
