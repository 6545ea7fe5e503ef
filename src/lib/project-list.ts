// The project list's URL state (/projects?park=…&status=…&q=…&sort=…&dir=…&page=…), parsed
// forgivingly. Filtering, sorting and paging all happen in SQL (listFigures).
import { intParam, oneOf, param, type RawSearchParams } from "./search-params";

export const PAGE_SIZE = 20;
export const STATUS_VALUES = ["NOT_STARTED", "UNDER_CONSTRUCTION", "IN_PRODUCTION", "COMPLETED"] as const;
export const WARNING_FILTERS = ["red", "yellow", "green", "stale"] as const;
/** list order, 总投资, 年度计划投资, 本年完成, 开工至今累计, 年度投资完成率, 开累完成率, 落后计划 (the FIGURE_SORTS of listFigures) */
export const SORT_VALUES = ["list", "total", "annual", "year", "completed", "rate", "totalRate", "lag"] as const;
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
