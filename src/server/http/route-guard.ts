// Dynamic pages' parameters are checked in the proxy, before a page (and its loading state)
// starts streaming: a malformed or unknown id answers the not-found page with HTTP 404, while
// valid pages still stream. The pages check again themselves.
import type { Db } from "@/server/db/client";
import { routeParam } from "@/lib/route-params";

/** Whether `pathname` names something that does not exist (or cannot exist). */
export async function isMissing(prisma: Db, pathname: string): Promise<boolean> {
  const param = routeParam(pathname);
  if (param === null) return false;
  if (param === "invalid") return true;
  switch (param.kind) {
    case "project":
      return (await prisma.project.findUnique({ where: { code: param.code }, select: { id: true } })) === null;
    case "park":
      return (await prisma.park.findUnique({ where: { id: param.id }, select: { id: true } })) === null;
    case "issue":
      return (await prisma.issue.findUnique({ where: { id: param.id }, select: { id: true } })) === null;
    case "plan":
      return (await prisma.annualPlan.findUnique({ where: { year: param.year }, select: { id: true } })) === null;
    case "period":
      // a well-formed month always has a page: one nobody has opened yet shows how to open it
      return false;
  }
}
