// The sizes of the two uploads the platform accepts, shared by the forms (checked before
// sending), the services (checked again with a message on the field) and the request gate
// (src/server/http/request-limits.ts: checked while the request arrives, before it is read).

/** 形象进度 photos: files per save of a month, and bytes per file (src/server/photos/process.ts). */
export const PHOTO_MAX_COUNT = 6;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** The Excel import's file (src/server/excel/zip-guard.ts). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
