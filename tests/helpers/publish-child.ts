// A publication in a process of its own, for the test that kills the process mid-way
// (tests/integration/periods.test.ts): publishes `month` as `username` on the database at
// `url`, through the app's own adapter. At its first SQL statement matching `pattern` it says so
// on stdout — "paused …" before sending it (and then sends nothing more), or "sent …" right
// after sending it — so that the test can kill the process at that very moment.
//   node --import tsx tests/helpers/publish-child.ts URL MONTH USERNAME TODAY VERSION PATTERN before|sent
import { PrismaClient } from "../../src/generated/prisma/client";
import { adapterOnPool, createPool } from "../../src/server/db/adapter";
import { CompatClient } from "../../src/server/db/pg-compat";
import { publishPeriod } from "../../src/server/periods/service";
import { countLeftBehind } from "../../src/server/periods/left-behind";
import { leftBehindToken } from "../../src/domain/periods";

const [url, month, username, today, versionArg, pattern, mode] = process.argv.slice(2);
const at = new RegExp(pattern);
let counting = false;
let sent = 0;
let reached = false;

class Announcing extends CompatClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const text: string | undefined = typeof args[0] === "string" ? args[0] : args[0]?.text;
    if (text === undefined || !counting) return super.query(...args);
    sent++;
    const statement = text.replace(/\s+/g, " ").trim();
    const due = !reached && at.test(statement);
    reached ||= due;
    const line = `statement ${sent}: ${statement.slice(0, 80)}\n`;
    if (due && mode === "before") {
      process.stdout.write(`paused before ${line}`);
      return new Promise(() => {}); // never sent: the process waits here to be killed
    }
    const result = super.query(...args);
    if (due && mode === "sent") process.stdout.write(`sent ${line}`);
    return result;
  }
}

async function main() {
  const prisma = new PrismaClient({ adapter: adapterOnPool(createPool(url, 2, { Client: Announcing })) });
  const user = await prisma.user.findUniqueOrThrow({ where: { username } });
  const actor = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, parkId: user.parkId };
  // what the office confirmed on the page (the projects published as 未报), read before counting
  const leftBehind = leftBehindToken(await countLeftBehind(prisma as never, month));
  counting = true; // from the publication's first statement
  const result = await publishPeriod(prisma as never, actor, { month, version: Number(versionArg), leftBehind }, today);
  process.stdout.write(`published ${JSON.stringify(result)}\n`);
  await prisma.$disconnect();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
