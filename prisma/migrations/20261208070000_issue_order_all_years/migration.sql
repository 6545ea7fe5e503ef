-- The ledger's order (overdue first, closed last: open ones by due date, then sort order, id) for
-- lists that span every year: the to-do page's issue cards (待交办, 待确认, 超期 …) and the ledger
-- with 全部年份. Issue_year_closed_dueDate_idx gives that order only within one year, so these
-- lists read and sorted every matching issue to show ten (8,000–60,000 at 50,000 projects:
-- 340–390 ms each); in this index's order they stop after the rows they show (9 ms).
CREATE INDEX "Issue_closed_dueDate_idx" ON "Issue"(("status" = 'CLOSED'), "dueDate", "sortOrder", "id");
