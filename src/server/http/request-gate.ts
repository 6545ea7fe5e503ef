// The first thing every request meets in the app's HTTP server (runtime/serve.mjs), before
// Next.js reads a byte of its body: a body larger than its route allows is refused from its
// Content-Length, or while it streams (a body without one is counted as it arrives); a server
// action posted without a valid session is refused before its body is read (sign-in aside); the
// two uploads take one of a few upload slots per server, and their multipart text fields and
// files are checked as they stream. A refusal is plain text (HTTP 401/403/413/503) that the page
// shows, and nothing is read into memory beyond a small buffer. Limits: request-limits.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import { GATE_MESSAGES } from "@/lib/gate-messages";
import { ACTION_LIMITS, PUBLIC_ACTIONS, SMALL_BODY_BYTES, UPLOAD_FIELD_BYTES, UPLOAD_FILES, UPLOAD_PARTS, type ActionLimit } from "./request-limits";
import { multipartBoundary, multipartScanner } from "./multipart-scan";
import type { UploadSlots } from "./upload-slots";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "./security-headers";

export type Refusal = { status: 400 | 401 | 403 | 413 | 503; message: string };

export type BodyPolicy = {
  /** bytes the whole body may have */
  maxBytes: number;
  /** a multipart upload: checked part by part, takes an upload slot */
  upload?: ActionLimit["upload"];
  /** refused without a valid session */
  needsSession: boolean;
};

type RequestHead = { method?: string; headers: IncomingMessage["headers"] };

const header = (req: RequestHead, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Whether the request carries a body at all (a declared length above zero, or chunked). */
export function hasBody(req: RequestHead): boolean {
  return header(req, "transfer-encoding") !== undefined || Number(header(req, "content-length") ?? 0) > 0;
}

/**
 * What a request with a body may send, from its headers alone: a server action by its id
 * (`actionName` maps it to "<file>#<export>"), anything else SMALL_BODY_BYTES. Uploads get their
 * large bound only as multipart forms.
 */
export function bodyPolicy(req: RequestHead, actionName: (id: string) => string | null): BodyPolicy | Refusal {
  const id = header(req, "next-action");
  if (id === undefined) return { maxBytes: SMALL_BODY_BYTES, needsSession: false };
  if (isCrossOrigin(req)) return { status: 403, message: GATE_MESSAGES.crossSite };
  const name = /^[0-9a-f]{1,100}$/i.test(id) ? actionName(id) : null;
  // an unknown id: Next.js answers it (404) after reading at most the small bound
  if (name === null) return { maxBytes: SMALL_BODY_BYTES, needsSession: false };
  const needsSession = !PUBLIC_ACTIONS.includes(name);
  const limit = ACTION_LIMITS[name];
  if (!limit) return { maxBytes: SMALL_BODY_BYTES, needsSession };
  const multipart = /^multipart\/form-data\s*;/i.test(header(req, "content-type") ?? "");
  if (limit.upload && !multipart) return { maxBytes: SMALL_BODY_BYTES, needsSession };
  return { maxBytes: limit.maxBytes, upload: limit.upload, needsSession };
}

/** A server action posted from another site (compares the Origin's host with the Host header). */
export function isCrossOrigin(req: RequestHead): boolean {
  const origin = header(req, "origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const host = header(req, "host");
  return !host || originHost.toLowerCase() !== host.toLowerCase();
}

export type GateDeps = {
  actionName: (id: string) => string | null;
  /** whether the request's session cookie names a live session (the app's own rule) */
  sessionValid: (headers: { get(name: string): string | null }) => Promise<boolean>;
  slots: UploadSlots;
  log?: (line: string) => void;
};

/**
 * The gate: `gate(req, res, pass)` calls `pass()` once the request may go on to Next.js, or
 * answers it itself. Call it synchronously from the server's "request" (or "checkContinue")
 * handler: it starts counting from the body's first byte.
 */
export function createRequestGate(deps: GateDeps) {
  const log = deps.log ?? ((line: string) => console.warn(line));
  return function gate(req: IncomingMessage, res: ServerResponse, pass: () => void, options: { expectContinue?: boolean } = {}): void {
    const go = () => {
      // server actions skip the proxy (src/proxy.ts), which puts the security headers on every
      // other response: the gate puts them on these, with a nonce for the page they may render
      if (header(req, "next-action") !== undefined) withSecurityHeaders(req, res);
      if (options.expectContinue) res.writeContinue();
      pass();
    };
    if (!hasBody(req)) return go();
    const policy = bodyPolicy(req, deps.actionName);
    if ("status" in policy) return refuseEarly(req, res, policy, log);
    const declared = header(req, "content-length");
    if (declared !== undefined && Number(declared) > policy.maxBytes) {
      return refuseEarly(req, res, { status: 413, message: GATE_MESSAGES.tooLarge }, log);
    }
    // an upload whose Content-Type names no boundary cannot be read as a form at all
    if (policy.upload && multipartBoundary(header(req, "content-type")) === null) {
      return refuseEarly(req, res, { status: 400, message: GATE_MESSAGES.malformed }, log);
    }

    let passed = false;
    let refused = false;
    let release: (() => void) | null = null;
    const refuse = (refusal: Refusal) => {
      if (refused) return;
      refused = true;
      body.stop();
      release?.();
      log(`[gate] ${refusal.status} ${req.method} ${req.url?.slice(0, 200)}${passed ? " (while streaming)" : ""}`);
      answer(req, res, refusal);
      // Next.js is already reading this request: end its body (it fails on the missing rest, and
      // whatever it then writes goes nowhere — the client has our answer)
      if (passed) {
        muteResponse(res);
        keepSocket(req);
        body.end();
      }
    };
    const body = watchBody(req, policy, refuse);

    const admit = async () => {
      if (policy.needsSession && !(await deps.sessionValid({ get: (name) => header(req, name) ?? null }))) {
        return refuse({ status: 401, message: GATE_MESSAGES.signIn });
      }
      if (policy.upload && (declared === undefined || Number(declared) > SMALL_BODY_BYTES)) {
        const closed = new AbortController();
        res.once("close", () => closed.abort());
        const slot = await deps.slots.acquire(closed.signal);
        if (!slot) return refuse({ status: 503, message: GATE_MESSAGES.busy });
        release = slot;
        res.once("close", slot);
      }
      if (refused) return;
      passed = true;
      go();
    };
    admit().catch((e) => {
      log(`[gate] could not admit a request: ${e instanceof Error ? e.message : String(e)}`);
      refuse({ status: 503, message: GATE_MESSAGES.busy });
    });
  };
}

/**
 * Counts the body as the HTTP parser hands it over (the request's own `push`), and checks an
 * upload's multipart parts as they stream. `stop()` drops whatever arrives afterwards and pauses
 * the socket; `end()` then ends the body its reader sees.
 */
function watchBody(req: IncomingMessage, policy: BodyPolicy, refuse: (r: Refusal) => void) {
  const push = req.push.bind(req);
  let stopped = false;
  let total = 0;
  const scanner = policy.upload
    ? multipartScanner(header(req, "content-type"), { fieldBytes: UPLOAD_FIELD_BYTES, fileBytes: policy.upload.fileBytes, parts: UPLOAD_PARTS, files: UPLOAD_FILES }, (problem) =>
        refuse(
          problem === "malformed"
            ? { status: 400, message: GATE_MESSAGES.malformed }
            : { status: 413, message: problem === "field" ? GATE_MESSAGES.fieldTooLarge : GATE_MESSAGES.tooLarge },
        ),
      )
    : null;
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (stopped) return false;
    if (chunk === null) return push(null);
    const bytes = chunk as Buffer;
    total += bytes.length;
    if (total > policy.maxBytes) {
      refuse({ status: 413, message: GATE_MESSAGES.tooLarge });
      return false;
    }
    scanner?.write(bytes);
    if (stopped) return false;
    return push(bytes, encoding);
  };
  return {
    stop: () => {
      stopped = true;
    },
    end: () => void push(null),
  };
}

function withSecurityHeaders(req: IncomingMessage, res: ServerResponse) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  req.headers["content-security-policy"] = csp;
  req.headers["x-nonce"] = nonce;
  res.setHeader("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A refusal before anything was read. */
function refuseEarly(req: IncomingMessage, res: ServerResponse, refusal: Refusal, log: (line: string) => void) {
  log(`[gate] ${refusal.status} ${req.method} ${req.url?.slice(0, 200)}`);
  req.push = () => false;
  answer(req, res, refusal);
}

function answer(req: IncomingMessage, res: ServerResponse, refusal: Refusal) {
  const socket = req.socket;
  if (res.headersSent || res.writableEnded) {
    socket.destroy();
    return;
  }
  const body = Buffer.from(refusal.message, "utf8");
  // exactly "text/plain": Next.js's client shows such an answer's text as the error (UTF-8 by fetch)
  res.writeHead(refusal.status, {
    "content-type": "text/plain",
    "content-length": body.length,
    "cache-control": "no-store",
    ...STATIC_SECURITY_HEADERS,
    "content-security-policy": contentSecurityPolicy(newNonce()),
    connection: "close",
  });
  lingerOnClose(req);
  res.end(body);
}

/** At most how long a refused connection's remaining body is read and dropped before it is closed. */
const LINGER_MS = 30_000;

/**
 * A client still sending its body when the answer arrives (a browser does) reads the answer only
 * if the connection is not reset under it: after the answer, Node.js would close at once, with
 * unread bytes pending (a reset, and on a busy machine the client may see only that). Instead,
 * close our side, drop whatever still arrives until the client closes its side, at most
 * LINGER_MS, then close (what web servers call a lingering close).
 */
function lingerOnClose(req: IncomingMessage) {
  const socket = req.socket as IncomingMessage["socket"] & { destroySoon?: () => void };
  socket.destroySoon = () => {
    req.push = () => true;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once("end", () => {
      clearTimeout(timer);
      socket.destroy();
    });
    socket.end();
    socket.resume();
  };
}

/**
 * After the gate answered a request Next.js had already begun: Next.js fails on the body the gate
 * ended short and destroys the request, and Node.js destroys an unfinished request's socket with
 * it — with the client's remaining bytes unread, a reset that can reach the client before it has
 * read the answer (seen: 1 in 6 runs of oversized.spec.ts). The request is destroyed without its
 * socket; the lingering close (lingerOnClose) ends the connection.
 */
function keepSocket(req: IncomingMessage) {
  const stream = req as unknown as { _destroy: (err: Error | null, cb: (err?: Error | null) => void) => void };
  stream._destroy = (err, cb) => process.nextTick(() => cb(req.listenerCount("error") > 0 ? err : null));
}

/** After the gate answered a request Next.js had already begun: whatever Next.js writes goes nowhere. */
function muteResponse(res: ServerResponse) {
  const self = res as unknown as Record<string, unknown>;
  const none = () => res;
  for (const m of ["setHeader", "appendHeader", "writeHead", "flushHeaders", "writeContinue", "addTrailers"]) self[m] = none;
  self.removeHeader = () => {};
  self.write = (...args: unknown[]) => {
    const cb = args.find((a) => typeof a === "function") as (() => void) | undefined;
    cb?.();
    return true;
  };
  self.end = (...args: unknown[]) => {
    const cb = args.find((a) => typeof a === "function") as (() => void) | undefined;
    cb?.();
    return res;
  };
}
