// Reading 形象进度 photos: the bytes for /photos/[id] and /photos/[id]/thumb.
import "server-only";
import type { Db } from "@/server/db/client";

/** One stored photo's bytes (full size or thumbnail), or null when there is no such photo. */
export async function getPhotoBytes(prisma: Db, id: number, variant: "full" | "thumb"): Promise<{ mime: string; bytes: Uint8Array } | null> {
  const row =
    variant === "full"
      ? await prisma.photo.findUnique({ where: { id }, select: { mime: true, data: true } })
      : await prisma.photo.findUnique({ where: { id }, select: { mime: true, thumb: true } });
  if (!row) return null;
  return { mime: row.mime, bytes: "data" in row ? row.data : row.thumb };
}

/** What a page needs to show a photo's thumbnail and link to the full size. */
export type PhotoRef = { id: number; thumbWidth: number; thumbHeight: number };

/** Prisma `select` for a revision's photos, in order. */
export const REVISION_PHOTOS_SELECT = {
  orderBy: { position: "asc" },
  select: { photo: { select: { id: true, thumbWidth: true, thumbHeight: true } } },
} as const;
