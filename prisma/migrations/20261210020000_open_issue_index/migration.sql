-- The issues not yet closed (办结), with what the to-do page's 督办 counts read of them: those counts
-- (待签收, 办理中, 待复核, 逾期未办结) read only this index instead of the whole ledger, whose closed
-- issues pile up year after year (two thirds of 200,000 at national size: 47 ms -> 17 ms).
-- Written by hand: Prisma's schema language has no partial indexes; schema.prisma names it in a comment.
CREATE INDEX "Issue_open_idx" ON "Issue"("dueDate") INCLUDE ("status", "parkId", "projectId") WHERE "status" <> 'CLOSED';
