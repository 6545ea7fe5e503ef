-- A county account's to-do badge (every page it opens) reads its own park's rows by project, not
-- every county's (src/server/todo/queries.ts, getTodoBadge): the returned reports and the nodes not
-- yet reached of each of the park's projects, and the park's issues of the statuses it acts on.
-- Before, those parts read all returned reports, all open nodes due and all open issues of the
-- list, and grew with it (scale 100: 4.6 ms of execution per page).
-- Written by hand: Prisma's schema language has no partial indexes or INCLUDE; schema.prisma names them.
CREATE INDEX "MonthlyReport_returned_projectId_idx" ON "MonthlyReport"("projectId") WHERE "status" = 'RETURNED';
CREATE INDEX "Milestone_open_projectId_idx" ON "Milestone"("projectId", "plannedDate") INCLUDE ("kind") WHERE "actualDate" IS NULL;
-- the issues of a park, and of a project, by status (a county's 待签收 and 办理中); the indexes on the
-- park and the project alone are their prefixes
DROP INDEX "Issue_projectId_idx";
DROP INDEX "Issue_parkId_idx";
CREATE INDEX "Issue_projectId_status_idx" ON "Issue"("projectId", "status");
CREATE INDEX "Issue_parkId_status_idx" ON "Issue"("parkId", "status");
