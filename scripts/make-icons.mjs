/**
 * Draws the extension icon (a white target on a violet rounded square) at every size the Chrome
 * Web Store, Edge Add-ons and Firefox ask for, as PNGs under public/icon/ where WXT finds them.
 * Plain Node (zlib for the PNG deflate), so no image library is installed for five small files.
 * Run: node scripts/make-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const VIOLET = [108, 45, 199];
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4;

/** The colour at (x, y) in a unit square, or null outside the shape. */
function shade(x, y) {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const d = Math.hypot(x - 0.5, y - 0.5);
  const ring = d > 0.26 && d < 0.36;
  const dot = d < 0.12;
  const crossH = Math.abs(y - 0.5) < 0.035 && d > 0.16 && d < 0.44;
  const crossV = Math.abs(x - 0.5) < 0.035 && d > 0.16 && d < 0.44;
  return ring || dot || crossH || crossV ? WHITE : VIOLET;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++)
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = shade((x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 1;
        }
      const covered = sum[3];
      const o = 1 + x * 4;
      if (covered > 0) {
        row[o] = Math.round(sum[0] / covered);
        row[o + 1] = Math.round(sum[1] / covered);
        row[o + 2] = Math.round(sum[2] / covered);
        row[o + 3] = Math.round((covered / SUPERSAMPLE ** 2) * 255);
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, png(size));
process.stdout.write(`public/icon/{${SIZES.join(',')}}.png written\n`);
