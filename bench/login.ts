// Signing in as a browser does, shared by the benches (bench/run.ts, bench/rush.ts).
/** Signs in the way a browser without JavaScript does: the login form's own fields, posted back. */
export async function login(base: string, username: string, password: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const html = await page.text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error("登录页没有表单");
  const data = new FormData();
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (!name) continue;
    const value = /\svalue="([^"]*)"/.exec(tag)?.[1] ?? "";
    data.append(decodeEntities(name), decodeEntities(value));
  }
  data.set("username", username);
  data.set("password", password);
  data.set("next", "/");
  // a browser sends the page's origin with a form it posts (Next.js checks it for server actions)
  const res = await fetch(`${base}/login`, { method: "POST", body: data, redirect: "manual", headers: { origin: base } });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("ppt_session="));
  if (!cookie) throw new Error(`登录失败（HTTP ${res.status}）`);
  return cookie;
}

export function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
