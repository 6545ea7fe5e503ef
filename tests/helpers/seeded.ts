// The set-up most integration test files share: their own database, seeded with the seed report and
// one account per role (a copy of the "seeded" template: as seedWithAccounts leaves it), created before the file's tests and dropped after them.
// With `h` (the next-request mock), the app's db() answers from it.
//   let t: TestDatabase;
//   let a: Actors;
//   useSeededDatabase((db, actors) => ([t, a] = [db, actors]), h);
import { afterAll, beforeAll } from "vitest";
import type { Db } from "../../src/server/db/client";
import { createTestDatabase, type TestDatabase } from "./db";
import { actorsOf, type Actors } from "./actors";

export function useSeededDatabase(ready: (t: TestDatabase, a: Actors) => unknown, h?: { prisma: Db }): void {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    const a = await actorsOf(t.prisma);
    if (h) h.prisma = t.prisma;
    ready(t, a);
  });
  afterAll(async () => t?.drop());
}
