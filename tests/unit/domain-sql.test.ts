// The SQL twins of src/domain, as text: what each fragment says and with which parameters, with
// the default aliases and quoted custom ones. tests/integration/rules.test.ts runs every fragment
// on both engines against its TypeScript twin; this pins the text in the unit suite, so the
// mutation run (unit tests only) covers the SQL side as well.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { staleSql } from "@/domain/stale";
import { byDeadlineSql } from "@/domain/deadlines";
import { escalatedSql, overdueSql } from "@/domain/overdue";
import { nodeAttentionSql, nodeReachedSql, nodeStateSql, startedNotEnteredSql } from "@/domain/nodes";

const flat = (s: Prisma.Sql) => ({ text: s.text.replace(/\s+/g, " "), values: s.values });

describe("the SQL twins as text", () => {
  it("stale and 按期: the column compared with the reference month or the deadline's month", () => {
    expect(flat(staleSql(Prisma.sql`f.m`, Prisma.sql`${"2024-11"}`))).toEqual({ text: "(f.m IS NULL OR f.m < $1)", values: ["2024-11"] });
    expect(flat(byDeadlineSql(Prisma.sql`f.m`, "2024-04-30"))).toEqual({ text: "(f.m IS NOT NULL AND f.m <= $1)", values: ["2024-04"] });
    expect(flat(byDeadlineSql(Prisma.sql`f.m`, new Date("2024-04-30T00:00:00Z")))).toEqual({ text: "(f.m IS NOT NULL AND f.m <= $1)", values: ["2024-04"] });
  });

  it("overdue and escalated, on the issue alias i or a quoted one", () => {
    expect(flat(overdueSql("2024-06-15"))).toEqual({ text: `("i".status <> 'CLOSED' AND "i"."dueDate" IS NOT NULL AND "i"."dueDate" < $1::date)`, values: ["2024-06-15"] });
    expect(flat(overdueSql("2024-06-15", 'x"y'))).toEqual({
      text: `("xy".status <> 'CLOSED' AND "xy"."dueDate" IS NOT NULL AND "xy"."dueDate" < $1::date)`,
      values: ["2024-06-15"],
    });
    expect(flat(escalatedSql("2024-06-15", 3))).toEqual({
      text: `("i".status <> 'CLOSED' AND "i"."dueDate" IS NOT NULL AND "i"."dueDate" < $1::date - $2::int)`,
      values: ["2024-06-15", 3],
    });
    expect(flat(escalatedSql("2024-06-15", 3, 'a"'))).toEqual({
      text: `("a".status <> 'CLOSED' AND "a"."dueDate" IS NOT NULL AND "a"."dueDate" < $1::date - $2::int)`,
      values: ["2024-06-15", 3],
    });
    expect(escalatedSql("2024-06-15", undefined).values).toEqual(["2024-06-15", 7]);
  });

  it("node reached, state and attention, on the milestone alias m and the project alias p or quoted ones", () => {
    const reached = `("m"."actualDate" IS NOT NULL OR ("m".kind::text = 'START' AND "p"."actualStartMonth" IS NOT NULL) OR ("m".kind::text = 'PRODUCTION' AND "p"."actualProductionMonth" IS NOT NULL) OR ("m".kind::text = 'STATS_ENTRY' AND "p"."statsEnteredMonth" IS NOT NULL))`;
    expect(flat(nodeReachedSql())).toEqual({ text: reached, values: [] });
    expect(flat(nodeReachedSql('n"', "q")).text).toBe(reached.replaceAll('"m"', '"n"').replaceAll('"p"', '"q"'));
    expect(flat(nodeStateSql("2024-06-15", 7))).toEqual({
      text: `(CASE WHEN ${reached} THEN 'done' WHEN "m"."plannedDate" IS NULL THEN 'pending' WHEN "m"."plannedDate" < $1::date THEN 'overdue' WHEN "m"."plannedDate" <= $2::date + $3::int THEN 'due-soon' ELSE 'pending' END)`,
      values: ["2024-06-15", "2024-06-15", 7],
    });
    expect(flat(nodeStateSql("2024-06-15", 7, "n", "q")).text).toContain(`WHEN "n"."plannedDate" IS NULL`);
    expect(flat(nodeStateSql("2024-06-15", 7, "n", "q")).text).toContain(`"q"."actualStartMonth"`);
    expect(flat(nodeAttentionSql("2024-06-15", 7))).toEqual({
      text: `("m"."plannedDate" IS NOT NULL AND "m"."plannedDate" <= $1::date + $2::int AND NOT ${reached})`,
      values: ["2024-06-15", 7],
    });
    expect(flat(nodeAttentionSql("2024-06-15", 7, "n", "q")).text).toBe(
      `("n"."plannedDate" IS NOT NULL AND "n"."plannedDate" <= $1::date + $2::int AND NOT ${reached.replaceAll('"m"', '"n"').replaceAll('"p"', '"q"')})`,
    );
  });

  it("已开工未入库: 500万元 or more, started by the month, not entered by it", () => {
    const text = (a: string) =>
      `("${a}"."totalInvestment" >= $1::numeric AND "${a}"."actualStartMonth" IS NOT NULL AND "${a}"."actualStartMonth" <= $2 AND ("${a}"."statsEnteredMonth" IS NULL OR "${a}"."statsEnteredMonth" > $3))`;
    expect(flat(startedNotEnteredSql("2024-06"))).toEqual({ text: text("p"), values: ["500", "2024-06", "2024-06"] });
    expect(flat(startedNotEnteredSql("2024-06", 'x"')).text).toBe(text("x"));
  });
});
