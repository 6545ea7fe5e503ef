// GET /photos/[id] and /photos/[id]/thumb: a stored photo for a signed-in user who reads the
// project data (data.read; the proxy checks first, this checks again). Unknown or malformed ids
// answer 404. Photos never change, so browsers may keep them (privately: they need a sign-in).
import "server-only";
import { db } from "@/server/db";
import { currentActor } from "@/server/auth/current";
import { can, refusalMessage } from "@/server/auth/permissions";
import { idParam } from "@/lib/route-params";
import { getPhotoBytes } from "./queries";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" } });

export async function photoResponse(rawId: string, variant: "full" | "thumb"): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return text("请先登录。", 401);
  if (!can(actor, "data.read")) return text(refusalMessage("data.read"), 403);
  const id = idParam(rawId);
  const photo = id === null ? null : await getPhotoBytes(db(), id, variant);
  if (!photo) return text("照片不存在。", 404);
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "content-type": photo.mime,
      "content-length": String(photo.bytes.byteLength),
      "content-disposition": `inline; filename="photo-${id}${variant === "thumb" ? "-thumb" : ""}.jpg"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=31536000, immutable",
    },
  });
}
