// The 调度表 of a month as Excel (src/server/excel/exports.ts); ?park= for one county park.
import { exportResponse } from "@/server/excel/route";
import { scheduleExport } from "@/server/excel/exports";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  return exportResponse(request, (prisma, actor, sp) => scheduleExport(prisma, actor, month, sp));
}
