// Route handlers of the Excel downloads: the signed-in user, the URL's filters, the export's
// answer as a streamed workbook or a plain refusal.
import "server-only";
import { db } from "@/server/db";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { currentActor } from "@/server/auth/current";
import type { RawSearchParams } from "@/lib/search-params";
import { textResponse, xlsxResponse } from "./workbook";
import type { ExportResult } from "./exports";

export async function exportResponse(request: Request, run: (prisma: Db, actor: Actor | null, sp: RawSearchParams) => Promise<ExportResult>): Promise<Response> {
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  const result = await run(db(), await currentActor(), sp);
  if (!result.ok) return textResponse(result.message, result.status);
  return xlsxResponse(result.fileName, result.build, { "x-export-rows": String(result.rows), "x-export-total": String(result.total) });
}
