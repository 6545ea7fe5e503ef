// The cells every data table here repeats: a column heading (numbers right-aligned, as the figures
// under it) and a row heading. Padding stays overridable for the denser tables.

export function Th({ children, numeric = false, className = "px-2 py-1" }: { children: React.ReactNode; numeric?: boolean; className?: string }) {
  return (
    <th scope="col" className={`${className} ${numeric ? "text-right " : ""}font-medium`}>
      {children}
    </th>
  );
}
