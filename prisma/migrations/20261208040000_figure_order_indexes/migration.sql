-- Leaders' lists of one publication's figures read the first rows of an order: the overview's five
-- largest projects and its red/yellow list (most behind first), the project list's default order.
-- Without an index in that order PostgreSQL read and sorted every figure of the publication to keep
-- five (43 ms at 4,000 figures, ten times that at 40,000); with one it reads the rows it shows.
-- The orders end in NULLS LAST, which Prisma's schema cannot say, so they are written here
-- (prisma/schema.prisma names them beside the model).
CREATE INDEX "ProjectFigure_publicationId_listOrder_idx" ON "ProjectFigure"("publicationId", "listOrder", code);
CREATE INDEX "ProjectFigure_publicationId_totalInvestment_idx" ON "ProjectFigure"("publicationId", "totalInvestment" DESC NULLS LAST, "listOrder", code);
-- the warning order (red, yellow, green; most behind first) also serves what the two-column index did
DROP INDEX "ProjectFigure_publicationId_warningLevel_idx";
CREATE INDEX "ProjectFigure_publicationId_warningLevel_idx" ON "ProjectFigure"("publicationId", "warningLevel", "lagPoints" DESC NULLS LAST, "listOrder", code);
