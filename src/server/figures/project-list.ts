// 项目库 (/projects): one page of the publication leaders read for the chosen year, with the
// URL's filters and sort applied in SQL (listFigures). Never loads more rows than the page.
import "server-only";
import type { Db } from "@/server/db/client";
import { getReadPublication, type PublicationRef } from "@/server/periods/queries";
import { listFigures, type FigureQuery, type FigureRow } from "@/server/figures/queries";
import type { ProjectListParams } from "@/lib/project-list";

export type ProjectListPage = {
  pub: PublicationRef | null;
  total: number;
  page: number;
  pages: number;
  rows: FigureRow[];
};

/** The list's URL state (filters, sort, page and size) as a query of one publication's figures; the page and its Excel export share it. */
export function figureListQuery(publicationId: number, params: ProjectListParams, over: Partial<FigureQuery> = {}): FigureQuery {
  const { park: parkId, status, industry, warning, q, sort, dir, page, size } = params;
  return { publicationId, parkId, status, industry, warning, q, sort, dir, page, size, ...over };
}

export async function getProjectListPage(prisma: Db, year: number, params: ProjectListParams): Promise<ProjectListPage> {
  const pub = await getReadPublication(prisma, year);
  if (!pub) return { pub, total: 0, page: 1, pages: 1, rows: [] };
  const query = figureListQuery(pub.publicationId, params);
  let { total, rows } = await listFigures(prisma, query);
  const pages = Math.max(1, Math.ceil(total / params.size));
  let page = params.page;
  if (page > pages) {
    // a page past the end (an old link after filtering): show the last one
    page = pages;
    ({ total, rows } = await listFigures(prisma, { ...query, page }));
  }
  return { pub, total, page, pages, rows };
}
