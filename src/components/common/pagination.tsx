import Link from "next/link";

const boxClass = "rounded border px-3 py-1";
const idleClass = `${boxClass} border-slate-300 bg-white hover:bg-slate-100`;

/** The page numbers to link: the first, the last and two either side of the current one; null marks a gap. */
function shown(page: number, pages: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/** Page links of a paged list: previous, the pages around the current one (marked), next. Nothing for one page. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center gap-2 text-sm" data-testid="pagination">
      {page > 1 && <Link href={href(page - 1)} className={idleClass}>上一页</Link>}
      {shown(page, pages).map((n, i) =>
        n === null ? (
          <span key={`gap-${i}`} aria-hidden="true">…</span>
        ) : (
        <Link
          key={n}
          href={href(n)}
          aria-current={n === page ? "page" : undefined}
          className={n === page ? `${boxClass} border-slate-800 bg-slate-800 text-white` : idleClass}
        >
          {n}
        </Link>
        ),
      )}
      {page < pages && <Link href={href(page + 1)} className={idleClass}>下一页</Link>}
    </nav>
  );
}
