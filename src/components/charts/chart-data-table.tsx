// The figures under a chart, one tap away: a 查看数据表 toggle (a plain <details>, no JavaScript)
// with the table inside, sideways-scrollable (and saying so) when it is wider than a phone. Pages that lead with
// the table (a project's month history) open it by default; the reader can still fold it away.
import { ScrollTable } from "@/components/common/scroll-table";

export function ChartDataTable({ children, open = false, label = "数据表" }: { children: React.ReactNode; open?: boolean; label?: string }) {
  return (
    <details open={open} className="group mt-2 text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center gap-1 text-blue-700 select-none hover:text-blue-900 sm:min-h-0">
        <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        <span className="group-open:hidden">查看{label}</span>
        <span className="hidden group-open:inline">收起{label}</span>
      </summary>
      <ScrollTable className="mt-2">{children}</ScrollTable>
    </details>
  );
}
