// The 月度通报 of a published 调度期 as .docx (the same document as the page; ?publication=N for an earlier publication of the month). Any signed-in user who reads the project data.
import { db } from "@/server/db";
import { currentActor } from "@/server/auth/current";
import { can, refusalMessage } from "@/server/auth/permissions";
import { loadBulletin, writeBulletin } from "@/server/documents/bulletin";
import { documentToDocx, docxResponse } from "@/server/documents/docx";
import { plainResponse } from "@/server/documents/http";
import { formatMonth, isMonth } from "@/lib/month";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  const actor = await currentActor();
  if (!actor) return plainResponse("请先登录。", 401);
  if (!can(actor, "data.read")) return plainResponse(refusalMessage("data.read"), 403);
  if (!isMonth(month)) return plainResponse("页面不存在。", 404);
  const raw = new URL(request.url).searchParams.get("publication");
  const publicationNo = raw === null ? undefined : /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : null;
  if (publicationNo === null) return plainResponse("发布序号无效。", 404);
  const data = await loadBulletin(db(), month, publicationNo);
  if (!data && publicationNo !== undefined) return plainResponse(`${formatMonth(month)}没有第${publicationNo}次发布。`, 404);
  if (!data) return plainResponse(`${formatMonth(month)}调度期尚未发布：通报只用已发布的数据生成。`, 404);
  const doc = writeBulletin(data);
  return docxResponse(await documentToDocx(doc), doc.fileName);
}
