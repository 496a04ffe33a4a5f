/**
 * Just enough of a PNG decoder to tell a real screenshot from a blank one without a
 * new dependency: 8-bit grey, grey+alpha, RGB and RGBA, not interlaced, which is what Chromium's
 * screenshots are. Anything else is refused by name rather than misread.
 */
import { inflateSync } from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  /** Bytes per pixel: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA. */
  channels: number;
  /** Unfiltered rows, top to bottom, `width * channels` bytes each. */
  pixels: Uint8Array;
}

const SIGNATURE = '89504e470d0a1a0a';
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Decodes a PNG file's bytes; throws with the reason when the file is not one this reader takes. */
export function decodePng(file: Uint8Array): Png {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG file');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = CHANNELS[colour ?? -1] ?? 0;
      if (depth !== 8 || !channels || interlace !== 0)
        throw new Error(
          `unsupported PNG (bit depth ${depth}, colour type ${colour}, interlace ${interlace})`,
        );
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!width || !height || data.length === 0) throw new Error('PNG without header or image data');
  return {
    width,
    height,
    channels,
    pixels: unfilter(inflateSync(Buffer.concat(data)), width, height, channels),
  };
}

/** Undoes the per-row filters (PNG spec §9.2); `raw` has a filter byte before each row. */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  if (raw.length < height * (stride + 1)) throw new Error('PNG image data is truncated');
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[row - stride + x - bpp] ?? 0) : 0;
      const value = raw[src + x] ?? 0;
      if (filter === 0) out[row + x] = value;
      else if (filter === 1) out[row + x] = value + a;
      else if (filter === 2) out[row + x] = value + b;
      else if (filter === 3) out[row + x] = value + ((a + b) >> 1);
      else if (filter === 4) out[row + x] = value + paeth(a, b, c);
      else throw new Error(`PNG row ${y} has unknown filter ${filter}`);
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * How varied the picture is: distinct colours, the share of pixels not in the commonest one (the
 * background), and that background's lightness from 0 (black) to 1 (white), the mean of its colour
 * channels (alpha aside), which tells a dark-scheme picture from a light one.
 */
export function colourStats(png: Png): {
  colours: number;
  notBackground: number;
  backgroundLightness: number;
} {
  const counts = new Map<number, number>();
  const { pixels, channels } = png;
  for (let i = 0; i < pixels.length; i += channels) {
    let key = 0;
    for (let k = 0; k < channels; k++) key = key * 256 + (pixels[i + k] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = pixels.length / channels;
  let background = 0;
  let most = 0;
  for (const [key, count] of counts)
    if (count > most) {
      most = count;
      background = key;
    }
  // The key packs the channels big-end first; grey+alpha and RGBA carry alpha last.
  const colourChannels = channels === 2 || channels === 4 ? channels - 1 : channels;
  const values = Array.from(
    { length: channels },
    (_, k) => Math.floor(background / 256 ** (channels - 1 - k)) % 256,
  );
  const colour = values.slice(0, colourChannels);
  const lightness = colour.reduce((sum, v) => sum + v, 0) / colour.length / 255;
  return { colours: counts.size, notBackground: 1 - most / total, backgroundLightness: lightness };
}
