-- Counts the overview and the to-do page read over the whole list, held near the same cost at
-- 50,000 projects as at 5,000 (docs/benchmark.md "National size"):
-- the 达产 node of each project in production (one per project at most): the 达产 counts and the
-- 投产超期未达产 list read it by project instead of scanning every node (200,000 at scale 1000);
CREATE INDEX "Milestone_fullProduction_projectId_idx" ON "Milestone"("projectId") INCLUDE ("actualDate") WHERE "kind" = 'FULL_PRODUCTION';
-- the projects in production in the list's order: the 投产超期未达产 list stops at its first page
-- instead of sorting every project in production, and the counts read the index alone;
CREATE INDEX "Project_production_idx" ON "Project"("actualProductionMonth", "code") INCLUDE ("id", "name", "parkId") WHERE "actualProductionMonth" IS NOT NULL;
-- by project id, what the counts over the whole list read of a project: its county park (the
-- period page's progress per park), what judges a node reached besides its own date (开工, 投产,
-- 入库 months) and its 总投资 (the plan's sums): those joins read projects from the index alone.
CREATE INDEX "Project_id_facts_idx" ON "Project"("id") INCLUDE ("parkId", "actualStartMonth", "actualProductionMonth", "statsEnteredMonth", "totalInvestment");
-- Written by hand: Prisma's schema language has no INCLUDE columns or partial indexes; schema.prisma names them in comments.
