-- The office's 超期/临期 node list (to-do page, /nodes) shows the earliest planned nodes not yet
-- reached. In the plannedDate index the reached ones come first, years of them: PostgreSQL read
-- past them or hashed every project (132–217 ms at 200,000 nodes). This index holds only the nodes
-- without an actual date, in planned order, so the first page is read directly (1–2 ms).
CREATE INDEX "Milestone_open_plannedDate_idx" ON "Milestone"("plannedDate") WHERE "actualDate" IS NULL;
