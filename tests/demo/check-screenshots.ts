/**
 * `tsx tests/demo/check-screenshots.ts <dir> [--report <file.json>]`: CI's proof that the demo
 * showed something. Each screenshot, every view in both schemes, must exist, be a few KB, decode,
 * not be one flat colour, and have the background of its scheme (dark under `-dark`, light under
 * `-light`), so a dark scheme that did not apply is caught. Prints a line per picture; the report, {passed, failed, checks}, is
 * what tests/ci-summary.mjs adds to the closing "N passed, N failed" line. Exits 1 on any failure.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { colourStats, decodePng } from './png';
import { SHOT_NAMES, schemeOf } from './screenshots';

/** A blank or failed capture compresses to well under this; the smallest real one (popup) is ~20 KB. */
const MIN_BYTES = 5 * 1024;
/** Text, borders and buttons: a real page has hundreds of colours, a blank one a handful. */
const MIN_COLOURS = 16;
/** Share of pixels that differ from the background; the sparsest picture, the sheet, has about 3 %. */
const MIN_NOT_BACKGROUND = 0.01;
/** Background lightness (0 black, 1 white) that splits a dark-scheme picture from a light one. */
const MID_LIGHTNESS = 0.5;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { report: { type: 'string' } },
});
const dir = path.resolve(positionals[0] ?? 'demo-screenshots');

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

function check(name: string): Check {
  const file = path.join(dir, `${name}.png`);
  const label = `demo screenshot ${name}.png`;
  if (!existsSync(file)) return { name: label, ok: false, detail: `missing: ${file}` };
  const bytes = statSync(file).size;
  if (bytes < MIN_BYTES) return { name: label, ok: false, detail: `only ${bytes} bytes` };
  try {
    const png = decodePng(readFileSync(file));
    const { colours, notBackground, backgroundLightness } = colourStats(png);
    const scheme = schemeOf(name);
    const detail = `${Math.round(bytes / 1024)} KB, ${png.width}x${png.height}, ${colours} colours, ${(notBackground * 100).toFixed(1)} % not background, background lightness ${backgroundLightness.toFixed(2)}`;
    if (colours < MIN_COLOURS || notBackground < MIN_NOT_BACKGROUND)
      return { name: label, ok: false, detail: `looks blank: ${detail}` };
    const dark = backgroundLightness < MID_LIGHTNESS;
    if (dark !== (scheme === 'dark'))
      return { name: label, ok: false, detail: `not in the ${scheme} scheme: ${detail}` };
    return { name: label, ok: true, detail };
  } catch (error) {
    return { name: label, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

const checks = SHOT_NAMES.map(check);
for (const c of checks) process.stdout.write(`${c.ok ? 'passed' : 'FAILED'}: ${c.name}: ${c.detail}\n`);
const passed = checks.filter((c) => c.ok).length;
if (values.report) {
  mkdirSync(path.dirname(values.report), { recursive: true });
  writeFileSync(values.report, JSON.stringify({ passed, failed: checks.length - passed, checks }, null, 2));
}
process.exit(passed === checks.length ? 0 : 1);
