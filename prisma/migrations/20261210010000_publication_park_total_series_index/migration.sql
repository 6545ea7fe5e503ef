-- The monthly series (overview, park page): each month's stored park sums of one publication, read
-- from the index alone. Without it PostgreSQL read every publication's park rows to pick the year's
-- (35,000 rows at 1,000 county parks and 36 months: 26-47 ms a page view; 3.5 ms with it).
-- Written by hand: Prisma's schema language has no INCLUDE columns; schema.prisma names it in a comment.
CREATE INDEX "PublicationParkTotal_series_idx" ON "PublicationParkTotal"("publicationId") INCLUDE ("cumulative", "projects", "missing", "plannedAtMonth", "actualOfPlanned", "demoFigures");
