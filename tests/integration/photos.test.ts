// 形象进度 photos through the report service and the form action, on a real database: accepted
// images are stored re-encoded, resized and without metadata; every refused file leaves nothing
// behind; a revision's photos never change; the photo routes need a sign-in and answer 404.
import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// first, before the app: the request and database the app's code sees
import { request as h } from "../helpers/next-request";

import { saveMonthlyReport, type PhotoChanges } from "@/server/monthly-reports/service";
import { saveReportAction } from "@/server/monthly-reports/actions";
import { photoResponse } from "@/server/photos/serve";
import { processPhoto, sniffImage } from "@/server/photos/process";
import { initialActionState } from "@/server/action-state";
import { ValidationError } from "@/server/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, sessionToken, type Actors } from "../helpers/actors";
import { fingerprint, formData } from "../helpers/fingerprint";
import * as img from "../helpers/images";
import { monthlyReportFields, monthlyReportForm } from "../helpers/monthly-report";

let t: TestDatabase;
let a: Actors;
let camera: Buffer;

const file = (name: string, bytes: Buffer) => ({ name, size: bytes.length, bytes: async () => new Uint8Array(bytes) });
/** this file's saves are drafts */
const form = (over: Record<string, string> = {}) => monthlyReportForm({ intent: "save", ...over });
const report = () => t.prisma.monthlyReport.findFirst({ where: { project: { code: "YQ2024-001" }, month: "2024-12" } });
const version = async () => String((await report())?.version ?? 0);
/** The photos of the report's current revision, in order. */
async function currentPhotos() {
  const r = await report();
  if (!r?.currentRevisionId) return [];
  const links = await t.prisma.revisionPhoto.findMany({ where: { revisionId: r.currentRevisionId }, orderBy: { position: "asc" }, include: { photo: true } });
  return links.map((l) => l.photo);
}
const save = async (changes: PhotoChanges, over: Record<string, string> = {}) => saveMonthlyReport(t.prisma, a.huitong, form({ version: await version(), ...over }), changes);
const refusal = async (changes: PhotoChanges) => {
  const before = await fingerprint(t.prisma);
  const error = await save(changes, { progressText: `试图上传${Math.random()}` }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect(await fingerprint(t.prisma)).toBe(before);
  return (error as ValidationError).fieldErrors.photos?.join("；") ?? "";
};

beforeAll(async () => {
  t = await createTestDatabase("seeded");
  a = await actorsOf(t.prisma);
  h.prisma = t.prisma;
  camera = await img.cameraJpeg();
});
afterAll(async () => t?.drop());

describe("形象进度 photos", () => {
  it("recognises images by their bytes, not their name", async () => {
    expect(sniffImage(camera)).toBe("jpeg");
    expect(sniffImage(await img.png())).toBe("png");
    expect(sniffImage(await img.webp())).toBe("webp");
    expect(sniffImage(img.executable())).toBeNull();
    expect(sniffImage(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
  });

  it("stores JPEG, PNG and WebP re-encoded as JPEG, at most 1920 px with a 320 px thumbnail, without EXIF, GPS, ICC or XMP", async () => {
    const input = await sharp(camera).metadata();
    expect(input.exif?.toString("latin1")).toContain("TestPhone"); // the test image does carry metadata
    expect(input.icc).toBeDefined();
    await save({ keep: [], files: [file("现场.jpg", camera), file("plan.png", await img.png()), file("wide.webp", await img.webp())] });
    const photos = await currentPhotos();
    expect(photos.map((p) => [p.width, p.height, p.thumbWidth, p.thumbHeight])).toEqual([
      [1920, 1440, 320, 240], // 4000×3000 resized
      [800, 600, 320, 240], // never enlarged
      [1920, 960, 320, 160],
    ]);
    for (const p of photos) {
      expect(p.mime).toBe("image/jpeg");
      expect(p.sha256).toBe(createHash("sha256").update(p.data).digest("hex"));
      for (const bytes of [p.data, p.thumb]) {
        const m = await sharp(Buffer.from(bytes)).metadata();
        expect(m.format).toBe("jpeg");
        expect([m.exif, m.icc, m.xmp, m.iptc]).toEqual([undefined, undefined, undefined, undefined]);
        expect(Buffer.from(bytes).toString("latin1")).not.toContain("TestPhone");
      }
    }
    expect(photos[0].data.length).toBeLessThan(camera.length);
    const r = await report();
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entity: "MonthlyReport", entityId: String(r!.id) }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ photos: 3 });
  });

  it.each([
    ["a renamed executable", () => file("现场照片.jpg", img.executable()), "「现场照片.jpg」不是 JPEG、PNG 或 WebP 图片"],
    ["an oversized file", () => file("大图.jpg", img.oversized()), "「大图.jpg」有 10.0 MB，超过每张 10 MB 的上限"],
    ["a truncated JPEG", () => file("半张.jpg", img.truncated(camera)), "「半张.jpg」已损坏或无法完整读取"],
    ["a corrupted JPEG", () => file("坏图.jpg", img.corrupted(camera)), "「坏图.jpg」已损坏或无法完整读取"],
    ["an empty (0-byte) file", () => file("空白.jpg", Buffer.alloc(0)), "「空白.jpg」是空文件。"],
  ])("refuses %s with a message on the photo field and stores nothing", async (_name, make, message) => {
    const text = await refusal({ keep: [], files: [make()] });
    expect(text).toContain(message);
    expect(text).toContain("照片均未保存");
  });

  it("refuses a decompression bomb (a PNG declaring 50,000 × 50,000 pixels) from its header, quickly", async () => {
    const bomb = await img.decompressionBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal({ keep: [], files: [file("bomb.png", bomb)] })).toContain("「bomb.png」像素过大（超过5000万像素）");
    // refused from the header: never decoded (2.5 billion pixels would take far longer and gigabytes)
    const started = Date.now();
    await expect(processPhoto("bomb.png", bomb)).rejects.toThrow("像素过大");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("one refused file among good ones stores none of them", async () => {
    const text = await refusal({ keep: [], files: [file("ok.png", await img.png()), file("evil.jpg", img.executable())] });
    expect(text).toContain("「evil.jpg」");
  });

  it("at most six photos per revision, kept ones included", async () => {
    const kept = (await currentPhotos()).map((p) => String(p.id));
    const four = await Promise.all([1, 2, 3, 4].map((k) => img.png(100 + k, 100)));
    expect(await refusal({ keep: kept, files: four.map((b, k) => file(`p${k}.png`, b)) })).toContain("每月最多6张照片：已保留3张，又选择了4张。");
  });

  it("a later revision keeping its photos links the same rows (nothing copied); unticking one leaves it out", async () => {
    const before = await currentPhotos();
    const photoRows = await t.prisma.photo.count();
    await save({ keep: before.map((p) => String(p.id)) }, { progressText: "设备安装" });
    expect((await currentPhotos()).map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(await t.prisma.photo.count()).toBe(photoRows);
    await save({ keep: [String(before[2].id), String(before[0].id)] }, { progressText: "设备调试" });
    expect((await currentPhotos()).map((p) => p.id)).toEqual([before[2].id, before[0].id]);
    // the same picture uploaded again is the same row
    await save({ keep: [], files: [file("again.jpg", camera)] }, { progressText: "再次上传" });
    expect((await currentPhotos()).map((p) => p.id)).toEqual([before[0].id]);
    expect(await t.prisma.photo.count()).toBe(photoRows);
    // a save without photo fields (e.g. another client) keeps the current photos
    await saveMonthlyReport(t.prisma, a.huitong, form({ version: await version(), progressText: "未改照片" }));
    expect((await currentPhotos()).map((p) => p.id)).toEqual([before[0].id]);
    // saving a draft again as it is, photos included, is refused as no change; a photo change is a change
    await expect(save({ keep: [String(before[0].id)] }, { progressText: "未改照片" })).rejects.toThrow("没有修改，未保存。");
    await save({ keep: [] }, { progressText: "未改照片" });
    expect(await currentPhotos()).toEqual([]);
  });

  it("a county cannot keep (borrow) a photo of another report", async () => {
    const other = (await t.prisma.photo.findFirstOrThrow()).id;
    const before = await fingerprint(t.prisma);
    const e = await saveMonthlyReport(t.prisma, a.dongkou, form({ projectCode: "YQ2024-002", monthInvestment: "10", cumulativeInvestment: "170010", progressText: "借用照片" }), {
      keep: [String(other)],
      files: [],
    }).catch((x: unknown) => x);
    expect((e as ValidationError).fieldErrors.photos?.[0]).toBe("保留的照片不属于本月报表，请刷新页面后重新选择。");
    expect(await fingerprint(t.prisma)).toBe(before);
    expect(await refusal({ keep: ["abc"] })).toContain("保留的照片无效");
  });

  it("the database refuses changing a revision's photos afterwards: no update, no delete, no photo added", async () => {
    const link = await t.prisma.revisionPhoto.findFirstOrThrow();
    const rev = await t.prisma.monthlyReportRevision.findUniqueOrThrow({ where: { id: link.revisionId } });
    await expect(t.prisma.$executeRaw`UPDATE "RevisionPhoto" SET position = 6 WHERE "revisionId" = ${link.revisionId} AND position = ${link.position}`).rejects.toThrow(
      /immutable/,
    );
    await expect(t.prisma.$executeRaw`DELETE FROM "RevisionPhoto" WHERE "revisionId" = ${link.revisionId}`).rejects.toThrow(/immutable/);
    await expect(t.prisma.$executeRaw`UPDATE "Photo" SET data = thumb WHERE id = ${link.photoId}`).rejects.toThrow(/immutable/);
    await expect(t.prisma.$executeRaw`DELETE FROM "Photo" WHERE id = ${link.photoId}`).rejects.toThrow(/immutable/);
    const spare = (await t.prisma.photo.findFirstOrThrow({ where: { id: { not: link.photoId } } })).id;
    await expect(t.prisma.$executeRaw`INSERT INTO "RevisionPhoto" ("revisionId", position, "photoId") VALUES (${rev.id}, ${rev.photoCount + 1}, ${spare})`).rejects.toThrow(
      /fewer photos/,
    );
    await expect(t.prisma.$executeRaw`UPDATE "MonthlyReportRevision" SET "photoCount" = 6 WHERE id = ${rev.id}`).rejects.toThrow(/immutable/);
  });

  it("through the form action: files travel in the form, and a refused one is reported on the field", async () => {
    h.token = await sessionToken(t.prisma, a.huitong);
    const values = monthlyReportFields({ progressText: "表单上传", version: await version(), intent: "save" });
    const bad = formData(values);
    bad.append("photos", new File([new Uint8Array(img.executable())], "setup.jpg", { type: "image/jpeg" }));
    const before = await fingerprint(t.prisma);
    const refused = await saveReportAction(initialActionState, bad);
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.photos?.[0]).toContain("「setup.jpg」不是 JPEG、PNG 或 WebP 图片");
    expect(await fingerprint(t.prisma)).toBe(before);

    // a chosen file of 0 bytes is refused aloud, never dropped in silence
    const empty = formData(values);
    empty.append("photos", new File([], "现场.jpg", { type: "image/jpeg" }));
    const refusedEmpty = await saveReportAction(initialActionState, empty);
    expect(refusedEmpty).toMatchObject({ ok: false, fieldErrors: { photos: ["「现场.jpg」是空文件。", "照片均未保存，请重新选择。"] } });
    expect(await fingerprint(t.prisma)).toBe(before);

    const good = formData(values);
    good.append("photos", new File([new Uint8Array(await img.png())], "现场.png", { type: "image/png" }));
    // an empty file input sends one empty file: ignored
    good.append("photos", new File([], "", { type: "application/octet-stream" }));
    good.append("photos", new File([], "undefined", { type: "application/octet-stream" }));
    expect(await saveReportAction(initialActionState, good)).toMatchObject({ ok: true });
    expect(await currentPhotos()).toHaveLength(1);
  });

  it("serves a photo and its thumbnail to signed-in users only, as JPEG, nosniff, cached as immutable; unknown ids are 404", async () => {
    const photo = (await currentPhotos())[0];
    h.token = undefined;
    expect((await photoResponse(String(photo.id), "full")).status).toBe(401);
    h.token = await sessionToken(t.prisma, a.leader);
    const full = await photoResponse(String(photo.id), "full");
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("image/jpeg");
    expect(full.headers.get("x-content-type-options")).toBe("nosniff");
    expect(full.headers.get("cache-control")).toContain("immutable");
    expect(Buffer.from(await full.arrayBuffer()).equals(Buffer.from(photo.data))).toBe(true);
    const thumb = await photoResponse(String(photo.id), "thumb");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(photo.thumbWidth);
    for (const id of ["999999", "0", "abc", "1%00", "%E0%A4%A"]) expect((await photoResponse(id, "full")).status, id).toBe(404);
  });
});
