// Excel download (src/server/excel/exports.ts).
import { exportResponse } from "@/server/excel/route";
import { projectListExport } from "@/server/excel/exports";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return exportResponse(request, projectListExport);
}
