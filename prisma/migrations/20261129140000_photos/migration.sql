-- 形象进度 photos (issue #11) and 撤回 (a county withdraws its submitted report before review).

ALTER TYPE "ReportAction" ADD VALUE 'WITHDRAW';

-- A re-encoded photo: full size (long side at most 1920 px) and thumbnail (at most 320 px), both
-- JPEG without metadata, content-addressed by the SHA-256 of the full-size bytes.
CREATE TABLE "Photo" (
    "id" SERIAL NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "mime" VARCHAR(20) NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "thumbWidth" INTEGER NOT NULL,
    "thumbHeight" INTEGER NOT NULL,
    "thumb" BYTEA NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Photo_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Photo_valid" CHECK (
      "sha256" ~ '^[0-9a-f]{64}$' AND "mime" IN ('image/jpeg', 'image/webp') AND
      "width" BETWEEN 1 AND 1920 AND "height" BETWEEN 1 AND 1920 AND
      "thumbWidth" BETWEEN 1 AND 320 AND "thumbHeight" BETWEEN 1 AND 320)
);
CREATE UNIQUE INDEX "Photo_sha256_key" ON "Photo"("sha256");
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The photos of a revision, in order: written with the revision, never changed, like it.
CREATE TABLE "RevisionPhoto" (
    "revisionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "photoId" INTEGER NOT NULL,

    CONSTRAINT "RevisionPhoto_pkey" PRIMARY KEY ("revisionId","position"),
    CONSTRAINT "RevisionPhoto_position" CHECK ("position" BETWEEN 1 AND 6)
);
CREATE UNIQUE INDEX "RevisionPhoto_revisionId_photoId_key" ON "RevisionPhoto"("revisionId", "photoId");
CREATE INDEX "RevisionPhoto_photoId_idx" ON "RevisionPhoto"("photoId");
ALTER TABLE "RevisionPhoto" ADD CONSTRAINT "RevisionPhoto_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "MonthlyReportRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RevisionPhoto" ADD CONSTRAINT "RevisionPhoto_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A revision states how many photos it has when it is written; its list can then be filled only
-- up to that number, once (positions are unique), so photos cannot be added to an older revision.
ALTER TABLE "MonthlyReportRevision" ADD COLUMN "photoCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "MonthlyReportRevision" ADD CONSTRAINT "MonthlyReportRevision_photoCount" CHECK ("photoCount" BETWEEN 0 AND 6);
CREATE FUNCTION "check_revision_photo"() RETURNS trigger AS $$
BEGIN
  IF NEW."position" > (SELECT "photoCount" FROM "MonthlyReportRevision" WHERE id = NEW."revisionId") THEN
    RAISE EXCEPTION 'revision % has fewer photos than position %', NEW."revisionId", NEW."position";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "RevisionPhoto_within_count" BEFORE INSERT ON "RevisionPhoto"
  FOR EACH ROW EXECUTE FUNCTION "check_revision_photo"();

-- Immutable like the revisions they belong to: the database refuses changing or deleting a photo
-- or a revision's list of photos (revisions themselves are never deleted, so nothing cascades).
CREATE FUNCTION "reject_photo_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'report photos are immutable';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Photo_immutable" BEFORE UPDATE OR DELETE ON "Photo"
  FOR EACH ROW EXECUTE FUNCTION "reject_photo_change"();
CREATE TRIGGER "RevisionPhoto_immutable" BEFORE UPDATE OR DELETE ON "RevisionPhoto"
  FOR EACH ROW EXECUTE FUNCTION "reject_photo_change"();
