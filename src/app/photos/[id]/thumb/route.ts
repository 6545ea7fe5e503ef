// A 形象进度 photo's thumbnail (src/server/photos/serve.ts).
import { photoResponse } from "@/server/photos/serve";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return photoResponse((await params).id, "thumb");
}
