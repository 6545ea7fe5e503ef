import Link from "next/link";

const boxClass = "rounded border px-3 py-1";
const idleClass = `${boxClass} border-slate-300 bg-white hover:bg-slate-100`;

/**
 * The page numbers to link: the first, the last and `window` either side of the current one;
 * null marks a gap. Never more than 2 × window + 5 entries, however many pages there are.
 */
export function pageWindow(page: number, pages: number, window = 2): Array<number | null> {
  const numbers = new Set<number>([1, pages]);
  for (let n = Math.max(1, page - window); n <= Math.min(pages, page + window); n++) numbers.add(n);
  const sorted = [...numbers].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (typeof last === "number" && n - last > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/**
 * Page links of a list paged in SQL: previous, a window of page numbers around the current one
 * (marked), next, and on request "第x/y页". A list of 1,000 pages still renders a handful of links. Nothing
 * for one page.
 */
export function Pagination({
  page,
  pages,
  href,
  window = 2,
  className = "",
  showPosition = false,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  /** how many page numbers either side of the current one (default 2) */
  window?: number;
  /** extra classes for the <nav> (spacing) */
  className?: string;
  /** also say "第x/y页" (for lists that do not state it elsewhere) */
  showPosition?: boolean;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="分页" className={`no-print flex flex-wrap items-center gap-2 text-sm ${className}`} data-testid="pagination">
      {page > 1 && (
        <Link href={href(page - 1)} className={idleClass} rel="prev">
          上一页
        </Link>
      )}
      {pageWindow(page, pages, window).map((n, i) =>
        n === null ? (
          <span key={`gap-${i}`} className="px-1 text-slate-400" aria-hidden="true">
            …
          </span>
        ) : (
          <Link key={n} href={href(n)} aria-current={n === page ? "page" : undefined} className={n === page ? `${boxClass} border-slate-800 bg-slate-800 text-white` : idleClass}>
            {n}
          </Link>
        ),
      )}
      {page < pages && (
        <Link href={href(page + 1)} className={idleClass} rel="next">
          下一页
        </Link>
      )}
      {showPosition && (
        <span className="ml-1 text-slate-500">
          第{page}/{pages}页
        </span>
      )}
    </nav>
  );
}
