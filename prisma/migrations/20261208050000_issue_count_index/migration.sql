-- The overview, the issue ledger and the park pages count a year's issues by status, category,
-- overdue and escalated (status and due date) and demo. With only (year, status) PostgreSQL read
-- every issue row of the year from the table (60,000 at 50,000 projects: 120–190 ms a count);
-- with the counted columns in the index it reads the index alone (22–53 ms).
DROP INDEX "Issue_year_status_idx";
CREATE INDEX "Issue_year_status_idx" ON "Issue"("year", "status", "dueDate") INCLUDE ("category", "isDemo");
