// Every page and API route needs a valid session, checked against the database; only the
// login page and the health check are public. Server actions and services still check
// permission themselves (src/server/auth/permissions.ts) — this is the first gate, not the only one.
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/server/db";
import { actorForToken, SESSION_COOKIE } from "@/server/auth/sessions";

const PUBLIC = ["/login", "/api/health"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  let actor = null;
  try {
    actor = await actorForToken(db(), request.cookies.get(SESSION_COOKIE)?.value);
  } catch {
    // database unreachable: let the page render its own error state
    return NextResponse.next();
  }
  if (actor) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "请先登录。" }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
