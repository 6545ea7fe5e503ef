// Screenshots of pages as a person sees them, at desktop (1366 px) and phone (390 px) width,
// for reviewing what a change looks like. Against a running app:
//   npx tsx tools/screenshots.ts --base http://127.0.0.1:3000 --user admin / /periods
// Writes screenshots/<user>-<path>-<width>.png (the folder is ignored by git).
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium";
import { DEMO_PASSWORD } from "../src/server/seed/demo-accounts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const base = arg("base", "http://127.0.0.1:3000");
  const user = arg("user", "leader");
  const password = arg("password", DEMO_PASSWORD);
  const widths = arg("widths", "1366,390").split(",").map(Number);
  const paths = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && !all[i - 1]?.startsWith("--"));
  fs.mkdirSync("screenshots", { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.getByLabel("用户名").fill(user);
      await page.getByLabel("密码").fill(password);
      await page.getByRole("button", { name: "登录" }).click();
      await page.getByTestId("current-user").waitFor();
      for (const p of paths.length ? paths : ["/"]) {
        await page.goto(`${base}${p}`, { waitUntil: "networkidle" });
        const file = path.join("screenshots", `${user}-${p.replace(/[^a-zA-Z0-9]+/g, "_").replace(/^_|_$/g, "") || "home"}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        // --screens N: also N viewport-high pieces from the top, readable where a full page is too tall
        const screens = Number(arg("screens", "0"));
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let i = 0; i < screens && i * 900 < height; i++) {
          const piece = file.replace(/\.png$/, `-${i + 1}.png`);
          await page.screenshot({ path: piece, clip: { x: 0, y: i * 900, width, height: Math.min(900, height - i * 900) }, fullPage: true });
          console.log(piece);
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
