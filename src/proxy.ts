// Every page and API route needs a valid session, checked against the database; only the
// login page, the health check and the site's icons (which the proxy skips) are public. While an
// account must still change a password an administrator set, every page leads to /account/password.
// Server actions and services still check permission themselves (src/server/auth/permissions.ts) —
// this is the first gate, not the only one.
// An account may open only the paths the permission table lets it (mayOpenPath): a 审计员 opening a
// project page is sent to the 403 page (无权访问, HTTP 403) before anything is read.
// Also here: security headers on every response (src/server/http/security-headers.ts), and 404
// for dynamic pages whose id is malformed or unknown (src/server/http/route-guard.ts), decided
// before the page starts streaming.
// Server actions (POSTs with a Next-Action header) skip the proxy: the request gate in the app's
// HTTP server has already refused those from another site or without a session, bounded their
// bodies (src/server/http/request-gate.ts), and the proxy would copy every body it sees.
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/server/db";
import { actorForToken, requestIsHttps, sessionToken } from "@/server/auth/sessions";
import { CHANGE_PASSWORD_PATH } from "@/lib/account-paths";
import { landingPath, mayOpenPath } from "@/server/auth/permissions";
import { applySecurityHeaders, contentSecurityPolicy, newNonce } from "@/server/http/security-headers";
import { isMissing } from "@/server/http/route-guard";
import { safeRedirect } from "@/lib/safe-redirect";

const PUBLIC = ["/login", "/api/health"];
/** A path no route serves: rewriting to it renders the not-found page with HTTP 404. */
const NOT_FOUND_PATH = "/_not-found-page";
/** The 403 page (无权访问). */
const FORBIDDEN_PATH = "/forbidden";

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = await route(request, requestHeaders);
  applySecurityHeaders(response.headers, csp);
  return response;
}

async function route(request: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });
  const { pathname, search } = request.nextUrl;
  const token = sessionToken(request.cookies, { https: requestIsHttps(request.headers) });
  if (pathname === "/login" && request.method === "GET") {
    // already signed in: straight on to `next` (same-site only), before the page streams
    const signedIn = await actorForToken(db(), token).catch(() => null);
    if (signedIn) return NextResponse.redirect(new URL(safeRedirect(request.nextUrl.searchParams.get("next")), request.url));
  }
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return next();
  let actor = null;
  try {
    actor = await actorForToken(db(), token);
  } catch {
    // database unreachable: let the page render its own error state
    return next();
  }
  if (actor) {
    const read = request.method === "GET" || request.method === "HEAD";
    if (actor.mustChangePassword && read && pathname !== CHANGE_PASSWORD_PATH) {
      // a password an administrator set: nothing but changing it (server actions refuse on their own)
      if (pathname.startsWith("/api/")) return NextResponse.json({ error: "请先修改初始密码。" }, { status: 403 });
      const change = new URL(CHANGE_PASSWORD_PATH, request.url);
      if (pathname !== "/") change.searchParams.set("next", pathname + search);
      return NextResponse.redirect(change);
    }
    // / is each account's landing page: county staff and admins their to-do, leaders the overview,
    // auditors the audit log
    if (read && pathname === "/" && landingPath(actor) !== "/") return NextResponse.redirect(new URL(landingPath(actor), request.url));
    if (!mayOpenPath(actor, pathname)) {
      // refused before the page reads anything: the 403 page (as requirePermission does), or, for a
      // form or action posted to a refused address, a plain 403
      if (read) return NextResponse.redirect(new URL(FORBIDDEN_PATH, request.url));
      return new NextResponse("无权访问。", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    // the 403 page answers with its status (HTTP 403), wherever the refusal came from
    if (read && pathname === FORBIDDEN_PATH) return NextResponse.rewrite(new URL(FORBIDDEN_PATH, request.url), { request: { headers: requestHeaders }, status: 403 });
    if (read) {
      let missing = false;
      try {
        missing = await isMissing(db(), pathname);
      } catch {
        return next(); // the page shows its own error state
      }
      if (missing) return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders }, status: 404 });
    }
    return next();
  }
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "请先登录。" }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // the site's icons (src/app/favicon.ico, src/app/icon.svg) are served to everyone, as the login page shows them
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-action" }] }],
};
