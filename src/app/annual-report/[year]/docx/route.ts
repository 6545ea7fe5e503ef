// The year's 情况报告 as .docx (the same document as the page), as of ?month= (a published month
// of the year; the newest by default) and ?publication=N (that publication of the month). Any signed-in user who reads the project data.
import { db } from "@/server/db";
import { currentActor } from "@/server/auth/current";
import { can, refusalMessage } from "@/server/auth/permissions";
import { loadAnnualReport, writeAnnualReport } from "@/server/documents/annual";
import { listPublishedMonths } from "@/server/documents/queries";
import { documentToDocx, docxResponse } from "@/server/documents/docx";
import { plainResponse } from "@/server/documents/http";
import { yearParam } from "@/lib/route-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year: raw } = await params;
  const actor = await currentActor();
  if (!actor) return plainResponse("请先登录。", 401);
  if (!can(actor, "data.read")) return plainResponse(refusalMessage("data.read"), 403);
  const year = yearParam(raw);
  if (year === null) return plainResponse("页面不存在。", 404);
  const prisma = db();
  const months = await listPublishedMonths(prisma, year);
  const search = new URL(request.url).searchParams;
  const requested = search.get("month");
  if (requested !== null && !months.includes(requested)) return plainResponse(`${requested}不是${year}年已发布的调度期。`, 404);
  const rawNo = search.get("publication");
  const publicationNo = rawNo === null ? undefined : /^[1-9][0-9]{0,5}$/.test(rawNo) ? Number(rawNo) : null;
  if (publicationNo === null || (publicationNo !== undefined && requested === null)) return plainResponse("发布序号无效（需同时指明月份）。", 404);
  const data = months.length ? await loadAnnualReport(prisma, year, requested ?? months[0], publicationNo) : null;
  if (!data && publicationNo !== undefined) return plainResponse(`${requested}没有第${publicationNo}次发布。`, 404);
  if (!data) return plainResponse(`${year}年还没有已发布的调度期：报告只用已发布的数据生成。`, 404);
  const doc = writeAnnualReport(data);
  return docxResponse(await documentToDocx(doc), doc.fileName);
}
