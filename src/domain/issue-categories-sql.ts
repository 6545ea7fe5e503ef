// The SQL twin of the 问题类别 table (./issue-categories.ts), apart from it because the issue form,
// a client component, imports the table and must not load the database client.
import { Prisma } from "@/generated/prisma/client";
import { ISSUE_SUBCATEGORIES } from "./issue-categories";

/** SQL twin of subCategoryLabel: the label of the sub-category code in `column`, the stored text when it is not a code. */
export function subCategoryLabelSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE ${column} ${Prisma.join(
    ISSUE_SUBCATEGORIES.map((s) => Prisma.sql`WHEN ${s.code} THEN ${s.label}`),
    " ",
  )} ELSE coalesce(${column}, '') END)`;
}
