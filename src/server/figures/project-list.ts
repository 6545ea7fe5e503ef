// 项目库 (/projects): one page of the publication leaders read for the chosen year, with the
// URL's filters and sort applied in SQL (listFigures). Never loads more rows than the page.
import "server-only";
import type { Db } from "@/server/db/client";
import { getReadPublication, type PublicationRef } from "@/server/periods/queries";
import { listFigures, type FigureRow } from "@/server/figures/queries";
import type { ProjectListParams } from "@/lib/project-list";

export type ProjectListPage = {
  pub: PublicationRef | null;
  total: number;
  page: number;
  pages: number;
  rows: FigureRow[];
};

export async function getProjectListPage(prisma: Db, year: number, params: ProjectListParams): Promise<ProjectListPage> {
  const pub = await getReadPublication(prisma, year);
  if (!pub) return { pub, total: 0, page: 1, pages: 1, rows: [] };
  const query = {
    publicationId: pub.publicationId,
    parkId: params.park,
    status: params.status,
    industry: params.industry,
    warning: params.warning,
    q: params.q,
    sort: params.sort,
    dir: params.dir,
    size: params.size,
  };
  let { total, rows } = await listFigures(prisma, { ...query, page: params.page });
  const pages = Math.max(1, Math.ceil(total / params.size));
  let page = params.page;
  if (page > pages) {
    // a page past the end (an old link after filtering): show the last one
    page = pages;
    ({ total, rows } = await listFigures(prisma, { ...query, page }));
  }
  return { pub, total, page, pages, rows };
}
