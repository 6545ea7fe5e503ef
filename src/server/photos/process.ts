// 形象进度 photos: every check an uploaded file goes through, and its re-encoding, in one place.
// A file is accepted only if its bytes are a JPEG, PNG or WebP (never judged by its name or
// declared type), it is at most 10 MB (checked before decoding), its declared size is at most
// 50 megapixels (a decompression bomb is refused from its header), and it decodes without error
// (a truncated or corrupted image is refused). What is stored is a re-encoding: JPEG, long side at
// most 1920 px, plus a 320 px thumbnail, with no metadata (EXIF, GPS, ICC, XMP) left.
import "server-only";
import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";

import { PHOTO_MAX_BYTES } from "@/lib/upload-limits";

export { PHOTO_MAX_COUNT, PHOTO_MAX_BYTES } from "@/lib/upload-limits";
export const PHOTO_MAX_PIXELS = 50_000_000;
export const PHOTO_FULL_SIDE = 1920;
export const PHOTO_THUMB_SIDE = 320;
export const PHOTO_QUALITY = 80;
export const PHOTO_MIME = "image/jpeg";

export type PhotoKind = "jpeg" | "png" | "webp";

/** The image type the bytes say they are (magic numbers), or null for anything else. */
export function sniffImage(bytes: Uint8Array): PhotoKind | null {
  const at = (i: number, ...xs: number[]) => xs.every((x, k) => bytes[i + k] === x);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return "jpeg";
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  // RIFF <size> WEBP
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "webp";
  return null;
}

export type ProcessedPhoto = {
  sha256: string;
  mime: string;
  width: number;
  height: number;
  data: Buffer;
  thumbWidth: number;
  thumbHeight: number;
  thumb: Buffer;
};

/** A refusal, with the Chinese message shown on the photo field. */
export class PhotoRefused extends Error {}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const tooBig = (name: string, size: number) => new PhotoRefused(`「${name || "照片"}」有 ${megabytes(size)}，超过每张 10 MB 的上限，请压缩后再上传。`);

// Decoding is CPU-heavy: one libvips thread per image and at most two images at a time in this
// process, so a burst of uploads queues instead of starving the pages.
sharp.concurrency(1);
// every upload is a new image: libvips's cache of decoded images only holds memory
sharp.cache(false);
const MAX_PARALLEL = 2;
let running = 0;
const waiting: Array<() => void> = [];
async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Checks one uploaded file and re-encodes it; throws PhotoRefused (with its message) when it is not accepted. */
export async function processPhoto(name: string, bytes: Uint8Array): Promise<ProcessedPhoto> {
  const label = `「${name || "照片"}」`;
  if (bytes.length === 0) throw new PhotoRefused(`${label}是空文件。`);
  if (bytes.length > PHOTO_MAX_BYTES) throw tooBig(name, bytes.length);
  if (!sniffImage(bytes)) throw new PhotoRefused(`${label}不是 JPEG、PNG 或 WebP 图片，未保存。`);
  return limited(async () => {
    const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const options = { failOn: "warning", limitInputPixels: PHOTO_MAX_PIXELS, sequentialRead: true } as const;
    const tooLarge = () => new PhotoRefused(`${label}像素过大（超过5000万像素），未保存。`);
    const isPixelLimit = (e: unknown) => e instanceof Error && /pixel limit/i.test(e.message);
    let meta: Metadata;
    try {
      meta = await sharp(input, options).metadata();
    } catch (e) {
      throw isPixelLimit(e) ? tooLarge() : new PhotoRefused(`${label}已损坏或无法识别，未保存。`);
    }
    if (!meta.width || !meta.height) throw new PhotoRefused(`${label}已损坏或无法识别，未保存。`);
    if (meta.width * meta.height > PHOTO_MAX_PIXELS) throw tooLarge();
    try {
      const full = await sharp(input, options)
        .autoOrient()
        .resize({ width: PHOTO_FULL_SIDE, height: PHOTO_FULL_SIDE, fit: "inside", withoutEnlargement: true })
        .flatten({ background: "#ffffff" })
        .jpeg({ quality: PHOTO_QUALITY, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      const thumb = await sharp(full.data)
        .resize({ width: PHOTO_THUMB_SIDE, height: PHOTO_THUMB_SIDE, fit: "inside", withoutEnlargement: true })
        .jpeg({ quality: PHOTO_QUALITY, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      return {
        sha256: createHash("sha256").update(full.data).digest("hex"),
        mime: PHOTO_MIME,
        width: full.info.width,
        height: full.info.height,
        data: full.data,
        thumbWidth: thumb.info.width,
        thumbHeight: thumb.info.height,
        thumb: thumb.data,
      };
    } catch (e) {
      if (isPixelLimit(e)) throw tooLarge();
      throw new PhotoRefused(`${label}已损坏或无法完整读取，未保存。`);
    }
  });
}

/** An uploaded file as the form sends it. */
export type UploadedFile = { name: string; size: number; bytes: () => Promise<Uint8Array> };

/**
 * Checks and re-encodes a save's new files, all of them or none: the messages of every refused
 * file (empty when all were accepted) and the processed photos. Sizes are checked before reading.
 */
export async function processUploads(files: UploadedFile[]): Promise<{ errors: string[]; photos: ProcessedPhoto[] }> {
  const errors: string[] = [];
  const photos: ProcessedPhoto[] = [];
  for (const f of files) {
    if (f.size > PHOTO_MAX_BYTES) {
      errors.push(tooBig(f.name, f.size).message);
      continue;
    }
    try {
      photos.push(await processPhoto(f.name, await f.bytes()));
    } catch (e) {
      if (!(e instanceof PhotoRefused)) throw e;
      errors.push(e.message);
    }
  }
  return { errors, photos };
}
