// npm run user:create -- --role ADMIN --username zhangsan [--name 张三] [--park 会同县园区]
// Creates an account on DATABASE_URL (or the embedded database; stop the app first). The
// password is asked for without echo on a terminal, or read from standard input when piped;
// it is never printed or logged. The account must change it at its first sign-in.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaClient } from "../src/server/db/client";
import { ensureMigrated, openDatabase } from "../src/server/db/runtime";
import { createUser } from "../src/server/users/service";
import { bootstrapUserSchema } from "../src/lib/schemas/user";
import { ValidationError } from "../src/server/errors";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0];
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
      out._writeToOutput = (s: string) => {
        if (s.includes(prompt)) out.output.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("密码：");
  const second = await ask("再次输入密码：");
  if (first !== second) throw new Error("两次输入的密码不一致。");
  return first;
}

async function main() {
  const { values } = parseArgs({
    options: { role: { type: "string" }, username: { type: "string" }, name: { type: "string" }, park: { type: "string" } },
  });
  const password = await readPassword();
  const database = await openDatabase();
  const prisma = createPrismaClient(database.url, 2);
  try {
    await ensureMigrated(database.url);
    const park = values.park ? await prisma.park.findUnique({ where: { name: values.park } }) : null;
    if (values.park && !park) throw new Error(`县区园区「${values.park}」不存在。`);
    const parsed = bootstrapUserSchema.safeParse({
      username: values.username ?? "",
      displayName: values.name ?? values.username ?? "",
      role: (values.role ?? "").toUpperCase(),
      parkId: park ? String(park.id) : undefined,
      password,
    });
    if (!parsed.success) throw new Error(Object.values(z.flattenError(parsed.error).fieldErrors).flat().join("；"));
    // the password was typed on the server (perhaps by someone else): its owner changes it at first sign-in
    const user = await createUser(prisma, null, parsed.data, { bootstrap: true, mustChangePassword: true });
    console.log(`已创建用户 ${user.username}（${user.role}）于 ${database.description}；首次登录时须修改密码。`);
  } catch (e) {
    if (e instanceof ValidationError) throw new Error(Object.values(e.fieldErrors).flat().join("；"));
    throw e;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
