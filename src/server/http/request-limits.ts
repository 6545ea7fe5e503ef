// How much a request may send, decided before its body is read (the gate, request-gate.ts, applies
// it in the app's own HTTP server). One table: every request body is bounded by SMALL_BODY_BYTES
// unless it is a server action named below. Only the two uploads accept large bodies, and only
// as multipart forms whose text fields stay small and whose files stay within their own bound.
import { IMPORT_MAX_BYTES, PHOTO_MAX_BYTES, PHOTO_MAX_COUNT } from "@/lib/upload-limits";

const KB = 1024;
const MB = 1024 * KB;

/** Any request body not named below: sign-in, every other form, route handlers. */
export const SMALL_BODY_BYTES = 1 * MB;
/** One text field of a multipart upload (the longest form field, 20,000 characters, is < 64 KB in UTF-8). */
export const UPLOAD_FIELD_BYTES = 128 * KB;
/** Parts of an upload's form (a field per value, a part per file), and files among them. */
export const UPLOAD_PARTS = 2000;
export const UPLOAD_FILES = 16;
/** Room for an upload's text fields and the multipart framing, besides its files. */
const FORM_ALLOWANCE = 1 * MB;

export type ActionLimit = {
  /** the whole body, in bytes */
  maxBytes: number;
  /** a multipart upload: each file at most this many bytes; takes one of the server's upload slots */
  upload?: { fileBytes: number };
};

/**
 * Server actions with a larger body than SMALL_BODY_BYTES, by "<file>#<export>" as the build's
 * server-reference manifest names them (tests/unit/request-limits.test.ts checks each exists).
 */
export const ACTION_LIMITS: Record<string, ActionLimit> = {
  // the monthly report with its 形象进度 photos
  "src/server/monthly-reports/actions.ts#saveReportAction": {
    maxBytes: PHOTO_MAX_COUNT * PHOTO_MAX_BYTES + FORM_ALLOWANCE,
    upload: { fileBytes: PHOTO_MAX_BYTES + 64 * KB },
  },
  // the Excel 调度表 import
  "src/server/excel/actions.ts#uploadImportAction": {
    maxBytes: IMPORT_MAX_BYTES + FORM_ALLOWANCE,
    upload: { fileBytes: IMPORT_MAX_BYTES + 64 * KB },
  },
  // the year's list: a check box and a figure per project (about 1.3 MB at 5,000 projects)
  "src/server/plans/actions.ts#planEntriesAction": { maxBytes: 8 * MB },
};

/** Server actions that may be posted without a session. */
export const PUBLIC_ACTIONS: readonly string[] = ["src/server/auth/actions.ts#loginAction", "src/server/auth/actions.ts#logoutAction"];

/** Uploads processed at once per server (UPLOAD_CONCURRENCY, default 2), and how long another waits for a slot (UPLOAD_WAIT_SECONDS, default 30). */
export function uploadSettings(env: Record<string, string | undefined> = process.env) {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (!/^[0-9]{1,4}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      throw new Error(`${name} 须为 ${min}–${max} 的整数，收到「${raw}」`);
    }
    return Number(raw);
  };
  return {
    concurrency: int("UPLOAD_CONCURRENCY", 2, 1, 64),
    waitMs: int("UPLOAD_WAIT_SECONDS", 30, 0, 600) * 1000,
    /** uploads waiting at once beyond which the next is refused at once */
    queue: 32,
  };
}
