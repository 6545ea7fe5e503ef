// The 县区园区 filter of the list pages (项目列表, 问题台账, 审核), written once. A city's list has
// a dozen county parks and the filter is a drop-down of them; a province's or a nation's has
// hundreds to a thousand (1,000 options made each page 130–250 KB larger and its render 50 ms
// slower, docs/benchmark.md "National size"), so past PARK_SELECT_MAX parks the filter is a search
// box: the name typed (`parkq`) picks the park it names — exactly, or the only one whose name or
// county contains it — and otherwise the page lists the parks that match to choose from (links
// with `park=<id>`) and shows no project until one is chosen. `park=<id>` in the address, as the
// pages' own links carry it, is read as before.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { intParam, param, type RawSearchParams } from "@/lib/search-params";
import type { ParkOption } from "./queries";

/** Up to this many county parks the filter is a drop-down; beyond, a search. */
export const PARK_SELECT_MAX = 50;
/** The parks listed to choose from when the text typed names several. */
export const PARK_MATCHES_MAX = 20;
/** No park has this id: the filter when the text typed names no park or several (nothing listed). */
export const NO_PARK = 0;
/** The longest search text read (a park's name is at most 60 characters). */
const QUERY_MAX = 60;

export type ParkFilter =
  | { mode: "select"; parkId: number | undefined; parks: ParkOption[] }
  | {
      mode: "search";
      /** the park filtered on; NO_PARK while the text typed is not one park's */
      parkId: number | undefined;
      /** the park chosen (its name fills the box) */
      park: ParkOption | null;
      /** the text typed, when it did not pick one park */
      query: string | undefined;
      /** the parks whose name or county contains the text, the first PARK_MATCHES_MAX in the list's order */
      matches: ParkOption[];
      /** more parks match than are listed */
      more: boolean;
    };

const SELECT = { id: true, name: true, county: true, isDemo: true } as const;
const ORDER = [{ sortOrder: "asc" as const }, { name: "asc" as const }];

/** The park filter the address asks for (`park`, or the text `parkq`): at most two small statements. */
export async function resolveParkFilter(prisma: Db, sp: RawSearchParams): Promise<ParkFilter> {
  const first = await prisma.park.findMany({ select: SELECT, orderBy: ORDER, take: PARK_SELECT_MAX + 1 });
  const id = intParam(sp, "park");
  if (first.length <= PARK_SELECT_MAX) return { mode: "select", parkId: id, parks: first };
  const none = { mode: "search" as const, park: null, query: undefined, matches: [] as ParkOption[], more: false };
  if (id !== undefined) {
    const park = id === NO_PARK ? null : await prisma.park.findUnique({ where: { id }, select: SELECT });
    return { ...none, parkId: id, park };
  }
  const query = param(sp, "parkq")?.slice(0, QUERY_MAX);
  if (query === undefined) return { ...none, parkId: undefined };
  const found = await findParks(prisma, query, PARK_MATCHES_MAX + 1);
  const exact = found.filter((p) => p.name === query);
  const chosen = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : null;
  if (chosen) return { ...none, parkId: chosen.id, park: chosen };
  return { ...none, parkId: NO_PARK, query, matches: found.slice(0, PARK_MATCHES_MAX), more: found.length > PARK_MATCHES_MAX };
}

/** Parks whose name or county contains `text` (case-insensitive), an exact name first, then in the list's order. */
async function findParks(prisma: Db, text: string, limit: number): Promise<ParkOption[]> {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return prisma.$queryRaw<ParkOption[]>(Prisma.sql`
    SELECT id, name, county, "isDemo" FROM "Park"
     WHERE name ILIKE ${like} OR county ILIKE ${like}
     ORDER BY (name = ${text}) DESC, "sortOrder", name
     LIMIT ${limit}`);
}
