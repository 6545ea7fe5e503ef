// The project list's URL state (/projects?park=…&status=…&q=…&sort=…&dir=…&page=…): parsed
// forgivingly, and filtered/paginated by warning colour after the database did the rest.
import type { Warning } from "./warnings";
import { intParam, oneOf, param, type RawSearchParams } from "./search-params";

export const PAGE_SIZE = 20;
export const STATUS_VALUES = ["NOT_STARTED", "UNDER_CONSTRUCTION", "IN_PRODUCTION", "COMPLETED"] as const;
export const WARNING_FILTERS = ["red", "yellow", "green", "stale"] as const;
export const SORT_VALUES = ["list", "total", "annual", "completed", "rate"] as const;
export type WarningFilter = (typeof WARNING_FILTERS)[number];

export type ProjectListParams = {
  year?: number;
  park?: number;
  status?: (typeof STATUS_VALUES)[number];
  industry?: string;
  warning?: WarningFilter;
  q?: string;
  sort: (typeof SORT_VALUES)[number];
  dir: "asc" | "desc";
  page: number;
  /** rows per page, 1–100 (default PAGE_SIZE) */
  size: number;
};

export function parseProjectListParams(sp: RawSearchParams): ProjectListParams {
  const sort = oneOf(param(sp, "sort"), SORT_VALUES) ?? "list";
  return {
    year: intParam(sp, "year"),
    park: intParam(sp, "park"),
    status: oneOf(param(sp, "status"), STATUS_VALUES),
    industry: param(sp, "industry")?.slice(0, 60),
    warning: oneOf(param(sp, "warning"), WARNING_FILTERS),
    q: param(sp, "q")?.slice(0, 100),
    sort,
    dir: oneOf(param(sp, "dir"), ["asc", "desc"] as const) ?? (sort === "list" ? "asc" : "desc"),
    page: Math.max(1, intParam(sp, "page") ?? 1),
    size: Math.min(100, Math.max(1, intParam(sp, "size") ?? PAGE_SIZE)),
  };
}

export function matchesWarning(w: Warning, filter: WarningFilter | undefined): boolean {
  if (!filter) return true;
  return filter === "stale" ? w.stale : w.level === filter;
}

export function paginate<T>(items: T[], page: number, size = PAGE_SIZE): { rows: T[]; page: number; pages: number; total: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { rows: items.slice((p - 1) * size, p * size), page: p, pages, total: items.length };
}
