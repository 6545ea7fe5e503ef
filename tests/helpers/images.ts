// Test images built on the fly: a camera-like JPEG with EXIF (GPS) and an ICC profile, PNG and
// WebP, and the files a photo upload must refuse — a renamed executable, an oversized file, a
// decompression-bomb PNG (50,000 × 50,000 pixels in a few hundred KB), a truncated and a
// corrupted JPEG.
import zlib from "node:zlib";
import sharp from "sharp";

const SCENE = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#4a8"/>' +
    '<rect x="60" y="80" width="280" height="160" fill="#ccc"/><circle cx="320" cy="60" r="40" fill="#fd3"/></svg>',
);

/** A photo as a phone takes it: `width`×`height`, EXIF with the camera and GPS position (IFD3), a P3 profile. */
export async function cameraJpeg(width = 4000, height = 3000): Promise<Buffer> {
  return sharp(SCENE, { density: 72 * (width / 400) })
    .resize(width, height, { fit: "fill" })
    .withExif({ IFD0: { Make: "TestPhone", Model: "Camera 1" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "27/1 30/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "109/1 45/1 0/1" } })
    .withIccProfile("p3")
    .jpeg({ quality: 92 })
    .toBuffer();
}

export async function png(width = 800, height = 600): Promise<Buffer> {
  return sharp(SCENE).resize(width, height, { fit: "fill" }).png().toBuffer();
}

export async function webp(width = 2400, height = 1200): Promise<Buffer> {
  return sharp(SCENE)
    .resize(width, height, { fit: "fill" })
    .withExif({ IFD0: { Make: "TestPhone" } })
    .webp()
    .toBuffer();
}

/** The first bytes of an ELF executable, padded: what a renamed program looks like. */
export function executable(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]).copy(b);
  return b;
}

/** A JPEG header followed by noise: 10 MB and one byte. */
export function oversized(): Buffer {
  const b = Buffer.alloc(10 * 1024 * 1024 + 1, 0x5a);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(b);
  return b;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid PNG declaring 50,000 × 50,000 one-bit pixels, all zero: a few hundred KB compressed. */
export async function decompressionBomb(side = 50_000): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * 1000); // filter byte + row, 1000 rows of zeros
  const deflate = zlib.createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  for (let i = 0; i < side / 1000; i++) deflate.write(rows);
  deflate.end();
  await done;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", Buffer.concat(parts)), chunk("IEND", Buffer.alloc(0))]);
}

export function truncated(jpeg: Buffer): Buffer {
  return jpeg.subarray(0, Math.floor(jpeg.length / 2));
}

/** 2,000 bytes of garbage in the middle of the compressed picture data. */
export function corrupted(jpeg: Buffer): Buffer {
  const b = Buffer.from(jpeg);
  const from = Math.floor(b.length * 0.3);
  for (let i = from; i < from + 2000; i++) b[i] = (i * 7) & 0xff;
  return b;
}
