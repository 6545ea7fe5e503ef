import Link from "next/link";

/**
 * Page links for a list paged in SQL: previous / next and a window of page numbers around the
 * current one, so a list of 250 pages still renders a handful of links.
 */
export function PageLinks({ page, pages, href, window = 2 }: { page: number; pages: number; href: (page: number) => string; window?: number }) {
  if (pages <= 1) return null;
  const numbers = new Set<number>([1, pages]);
  for (let n = Math.max(1, page - window); n <= Math.min(pages, page + window); n++) numbers.add(n);
  const sorted = [...numbers].sort((a, b) => a - b);
  const link = "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";
  return (
    <nav aria-label="分页" className="no-print mt-3 flex flex-wrap items-center gap-1 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className={link} rel="prev">
          上一页
        </Link>
      )}
      {sorted.map((n, i) => (
        <span key={n} className="contents">
          {i > 0 && n - sorted[i - 1] > 1 && <span className="px-1 text-slate-400">…</span>}
          <Link
            href={href(n)}
            aria-current={n === page ? "page" : undefined}
            className={n === page ? "rounded border border-slate-800 bg-slate-800 px-3 py-1 text-white" : link}
          >
            {n}
          </Link>
        </span>
      ))}
      {page < pages && (
        <Link href={href(page + 1)} className={link} rel="next">
          下一页
        </Link>
      )}
      <span className="ml-2 text-slate-500">
        第{page}/{pages}页
      </span>
    </nav>
  );
}
