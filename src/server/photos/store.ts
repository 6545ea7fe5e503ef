// Storing 形象进度 photos with a revision, inside the save's transaction: photos are rows keyed
// by the SHA-256 of their re-encoded bytes (a photo kept or uploaded again is linked, not copied),
// and a revision's list is written once with it (the database refuses any later change).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/tx";
import type { ProcessedPhoto } from "./process";

/** Inserts the photos not stored yet; returns every photo's id, in the given order. */
export async function storePhotos(tx: Tx, createdById: number, photos: ProcessedPhoto[]): Promise<number[]> {
  const ids: number[] = [];
  for (const p of photos) {
    // ON CONFLICT: the same bytes stored before (or by a concurrent save) are reused
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "Photo" ("sha256", "mime", "width", "height", "data", "thumbWidth", "thumbHeight", "thumb", "createdById")
      VALUES (${p.sha256}, ${p.mime}, ${p.width}, ${p.height}, ${p.data}, ${p.thumbWidth}, ${p.thumbHeight}, ${p.thumb}, ${createdById})
      ON CONFLICT ("sha256") DO NOTHING`);
    // a separate statement: it sees a row a concurrent save committed while this one waited
    const [row] = await tx.$queryRaw<Array<{ id: number }>>(Prisma.sql`SELECT id FROM "Photo" WHERE sha256 = ${p.sha256}`);
    ids.push(row.id);
  }
  return ids;
}

/** Writes a new revision's list of photos (positions 1…n). */
export async function linkPhotos(tx: Tx, revisionId: number, photoIds: number[]): Promise<void> {
  if (photoIds.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "RevisionPhoto" ("revisionId", "photoId", position)
    SELECT ${revisionId}::int, p.id, p.position FROM unnest(${photoIds}::int[]) WITH ORDINALITY AS p(id, position)`);
}

/** The photo ids of a revision, in order. */
export async function revisionPhotoIds(tx: Tx, revisionId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<Array<{ photoId: number }>>(Prisma.sql`SELECT "photoId" FROM "RevisionPhoto" WHERE "revisionId" = ${revisionId}::int ORDER BY position`);
  return rows.map((r) => r.photoId);
}
