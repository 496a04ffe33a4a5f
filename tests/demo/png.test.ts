import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { colourStats, decodePng } from './png';

/** A PNG of the given 8-bit RGB rows, each row written with the given filter (0-4). */
function encodeRgb(rows: number[][], filters: number[]): Uint8Array {
  const stride = rows[0]?.length ?? 0;
  const raw: number[] = [];
  rows.forEach((row, y) => {
    const filter = filters[y] ?? 0;
    raw.push(filter);
    row.forEach((value, x) => {
      const a = x >= 3 ? (row[x - 3] ?? 0) : 0;
      const b = rows[y - 1]?.[x] ?? 0;
      const c = x >= 3 ? (rows[y - 1]?.[x - 3] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      raw.push((value - predictor) & 255);
    });
  });
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body, Buffer.alloc(4)]); // the reader does not check CRCs
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(stride / 3, 0);
  ihdr.writeUInt32BE(rows.length, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ROWS = [
  [10, 200, 30, 250, 5, 99],
  [0, 0, 0, 255, 255, 255],
  [128, 64, 32, 16, 8, 4],
  [1, 2, 3, 4, 5, 6],
  [255, 0, 255, 0, 255, 0],
];

describe('decodePng', () => {
  it.each([0, 1, 2, 3, 4])('undoes filter %i on every row', (filter) => {
    const png = decodePng(
      encodeRgb(
        ROWS,
        ROWS.map(() => filter),
      ),
    );
    expect([png.width, png.height, png.channels]).toEqual([2, 5, 3]);
    expect(Array.from(png.pixels)).toEqual(ROWS.flat());
  });

  it('undoes a different filter on each row', () => {
    expect(Array.from(decodePng(encodeRgb(ROWS, [4, 3, 2, 1, 0])).pixels)).toEqual(ROWS.flat());
  });

  it('refuses a file that is not a PNG', () => {
    expect(() => decodePng(Buffer.from('<html>not a picture</html>'))).toThrow('not a PNG file');
  });
});

describe('colourStats', () => {
  it('calls a flat picture one colour with nothing off the background', () => {
    const flat = Array.from({ length: 4 }, () => [9, 9, 9, 9, 9, 9]);
    expect(colourStats(decodePng(encodeRgb(flat, [0, 1, 2, 4])))).toEqual({
      colours: 1,
      notBackground: 0,
      backgroundLightness: 9 / 255,
    });
  });

  it('counts distinct pixels and the share not in the commonest colour', () => {
    const stats = colourStats(decodePng(encodeRgb(ROWS, [0, 0, 0, 0, 0])));
    expect(stats.colours).toBe(10);
    expect(stats.notBackground).toBeCloseTo(0.9);
  });

  it.each<[string, number[], number]>([
    ['black', [0, 0, 0], 0],
    ['white', [255, 255, 255], 1],
    ['a dark slate', [20, 24, 31], 25 / 255],
  ])('reads the lightness of a %s background', (_, pixel, lightness) => {
    const rows = [
      [...pixel, ...pixel, ...pixel],
      [...pixel, 200, 10, 10, ...pixel],
    ];
    expect(colourStats(decodePng(encodeRgb(rows, [0, 0]))).backgroundLightness).toBeCloseTo(lightness);
  });
});
