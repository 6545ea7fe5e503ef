-- /periods/<month> and publishing's guard: each listed project's report of the month with what
-- sorts it into a left-behind group (status, the approved revision a correction keeps, and whether
-- there is a report at all) from the index alone. The index it replaces had the status only, so
-- every such read visited the table: 11,000 pages for one month at 50,000 projects, 27 ms warm and
-- 215 ms when the month's pages were not in shared_buffers (docs/benchmark.md "National size").
-- Written by hand: Prisma's schema language has no INCLUDE columns; schema.prisma names it in a comment.
CREATE INDEX "MonthlyReport_month_projectId_groups_idx" ON "MonthlyReport"("month", "projectId") INCLUDE ("status", "approvedRevisionId", "id");
DROP INDEX "MonthlyReport_month_projectId_idx";
