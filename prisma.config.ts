import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapter } from "./src/server/db/adapter";

// `prisma generate` needs only the schema. Commands that touch a database (migrate deploy,
// migrate status…) are run through `npm run db:*`, which starts the embedded database when
// DATABASE_URL is not set and passes its address on.
const UNSET = "postgresql://database-url-not-set.invalid/none";
process.env.DATABASE_URL ||= UNSET;

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url || url === UNSET) {
      throw new Error("DATABASE_URL is not set: run database commands through `npm run db:migrate` / `npm run db:status`.");
    }
    return createAdapter(url, 2, { allowExitOnIdle: true });
  },
});
