-- 申请更正: a county asks the office to re-open a published month for one of its projects, with a
-- reason; the office re-opens the period (the request becomes REOPENED, the re-opening reason its
-- reply) or declines it with a reply. One pending request per project and month.
CREATE TYPE "CorrectionStatus" AS ENUM ('PENDING', 'REOPENED', 'DECLINED');

CREATE TABLE "CorrectionRequest" (
    "id" SERIAL NOT NULL,
    "periodId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "status" "CorrectionStatus" NOT NULL DEFAULT 'PENDING',
    "reply" VARCHAR(500),
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CorrectionRequest_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CorrectionRequest_decided" CHECK (("status" = 'PENDING') = ("decidedAt" IS NULL))
);

CREATE INDEX "CorrectionRequest_status_idx" ON "CorrectionRequest"("status");
CREATE INDEX "CorrectionRequest_periodId_projectId_idx" ON "CorrectionRequest"("periodId", "projectId");
CREATE UNIQUE INDEX "CorrectionRequest_one_pending" ON "CorrectionRequest"("periodId", "projectId") WHERE "status" = 'PENDING';

ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
