/**
 * The one use the simulator's IOC generator (tests/simulator/prng.ts) makes of Node's Buffer, for the
 * generator to run inside an extension page: a scratch area written as big-endian 32-bit words and
 * read back as hex. Injected by seed-bundle.ts in place of the global `Buffer`.
 */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

class HexScratch {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  writeUInt32BE(value: number, offset: number): void {
    this.view.setUint32(offset, value >>> 0, false);
  }

  toString(_encoding: 'hex', start: number, end: number): string {
    let out = '';
    for (let i = start; i < end; i++) out += HEX[this.bytes[i] as number];
    return out;
  }
}

export const Buffer = { alloc: (size: number) => new HexScratch(size) };
