-- 督办 (issue loop): 交办 → 签收 → 办理 → 反馈 → 复核 → 办结.
-- IssueStatus gains ASSIGNED (已交办，待签收) and FEEDBACK (已反馈，待复核). The type is rebuilt
-- rather than extended with ALTER TYPE … ADD VALUE, because a new enum value cannot be used in the
-- transaction that adds it, and the mapping below needs it.
CREATE TYPE "IssueStatus_new" AS ENUM ('OPEN', 'ASSIGNED', 'IN_PROGRESS', 'FEEDBACK', 'CLOSED');

ALTER TABLE "Issue" ALTER COLUMN "status" DROP DEFAULT;
-- an open issue that already names its responsible unit has been handed out: 待签收
ALTER TABLE "Issue" ALTER COLUMN "status" TYPE "IssueStatus_new" USING (
  CASE WHEN "status" = 'OPEN' AND "responsibleUnit" IS NOT NULL THEN 'ASSIGNED' ELSE "status"::text END
)::"IssueStatus_new";
ALTER TABLE "IssueUpdate" ALTER COLUMN "fromStatus" TYPE "IssueStatus_new" USING ("fromStatus"::text::"IssueStatus_new");
ALTER TABLE "IssueUpdate" ALTER COLUMN "toStatus" TYPE "IssueStatus_new" USING ("toStatus"::text::"IssueStatus_new");
DROP TYPE "IssueStatus";
ALTER TYPE "IssueStatus_new" RENAME TO "IssueStatus";
ALTER TABLE "Issue" ALTER COLUMN "status" SET DEFAULT 'OPEN';

ALTER TABLE "Issue" ADD COLUMN "assignedDate" DATE,
  ADD COLUMN "acknowledgedDate" DATE,
  ADD COLUMN "feedbackDate" DATE,
  ADD COLUMN "feedback" TEXT,
  ADD COLUMN "reviewComment" TEXT;
-- issues handed out before the loop: their 交办 date is unknown; the raised date is the best record
UPDATE "Issue" SET "assignedDate" = "raisedDate" WHERE "status" <> 'OPEN' AND "responsibleUnit" IS NOT NULL;

ALTER TABLE "IssueUpdate" ADD COLUMN "action" VARCHAR(20);

CREATE INDEX "Issue_responsibleLeader_idx" ON "Issue"("responsibleLeader");
