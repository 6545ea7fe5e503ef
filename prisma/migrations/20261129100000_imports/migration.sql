-- Excel import of a monthly 调度表: uploaded files awaiting preview and apply.
-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PENDING', 'APPLIED', 'DISCARDED');
-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "parkId" INTEGER,
    "fileName" VARCHAR(200) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "rows" JSONB NOT NULL,
    "changeCount" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PENDING',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE INDEX "ImportBatch_createdById_createdAt_idx" ON "ImportBatch"("createdById", "createdAt");
