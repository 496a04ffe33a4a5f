/**
 * A probe, not part of `npm run bench`: how soon the platform alone paints the popup. Run with
 * `npm run build && npx tsx tests/bench/popup-paint-probe.ts`.
 *
 * The popup floor of 7c / 9c (page-probes.ts) is the popup's document parsed; their figure is the
 * answer painted, so the target's 30 ms over the floor must also hold the page's first frame. This
 * opens, in the same browser, a static copy of the popup (the built popup.html, its style and an
 * answer already in the markup, no script) and the popup itself, alternately, and prints for each
 * the document parsed, the first frame painted after it, and the gap between the two: the static
 * copy's gap is what painting alone takes, before any code of ours has run.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extensionUrl, launchBrowser, startConsole } from './session';
import { summarize } from './stats';

const BUILD = path.resolve('.output/chrome-mv3');
const STATIC_COPY = 'popup-paint-probe.html';
const BROWSERS = 3;
const OPENS_PER_BROWSER = 6;

/** An answer as the popup shows one, in the popup's own markup and classes. */
const ANSWERED = `<div id="app"><main><div class="popup-status"><span>100,000 IOCs cached</span><output>synced 2 min ago</output></div>
<label for="lookup">Is this value in SentinelOne?</label><textarea id="lookup" rows="3">a3f5c2e1b0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5</textarea>
<ul class="answers"><li class="answer answer-in-s1"><div class="answer-head"><span class="answer-value mono">a3f5c2e1b0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5</span><span class="answer-state" data-tone="ok">In SentinelOne</span></div><p class="answer-detail">SHA1 · detects · valid until 2026-12-31</p></li></ul></main></div>`;

/** A string, not a function: tsx would wrap named functions in a __name() the page does not have. */
const FIRST_FRAME = `document.addEventListener('DOMContentLoaded', () =>
  requestAnimationFrame(() => setTimeout(() => (globalThis.firstFrameAt = performance.now()), 0)));`;

const popupHtml = readFileSync(path.join(BUILD, 'popup.html'), 'utf8');
writeFileSync(
  path.join(BUILD, STATIC_COPY),
  popupHtml
    .replace(/<script[^>]*><\/script>\n?/g, '')
    .replace(/<link rel="modulepreload"[^>]*>\n?/g, '')
    .replace('<div id="app"></div>', ANSWERED),
);

const pages = { 'static copy': STATIC_COPY, popup: 'popup.html' } as const;
const times = new Map(
  Object.keys(pages).map((name) => [name, { parsed: [] as number[], frame: [] as number[] }]),
);
const console_ = await startConsole(100);
try {
  for (let round = 0; round < BROWSERS; round++) {
    const browser = await launchBrowser(console_.port);
    try {
      for (let open = 0; open < OPENS_PER_BROWSER; open++) {
        for (const [name, file] of Object.entries(pages)) {
          const page = await browser.context.newPage();
          await page.addInitScript({ content: FIRST_FRAME });
          await page.goto(extensionUrl(browser, file));
          const opened = await page.evaluate(async () => {
            const scope = globalThis as unknown as { firstFrameAt?: number };
            while (scope.firstFrameAt === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
            const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
            return { parsed: navigation?.domInteractive ?? Number.NaN, frame: scope.firstFrameAt };
          });
          times.get(name)?.parsed.push(opened.parsed);
          times.get(name)?.frame.push(opened.frame);
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  rmSync(path.join(BUILD, STATIC_COPY), { force: true });
  await console_.close();
}
const text = (samples: number[]) => {
  const { min, median, max } = summarize(samples);
  return `${median.toFixed(1)} ms (${min.toFixed(1)}–${max.toFixed(1)})`;
};
for (const [name, { parsed, frame }] of times) {
  const gaps = frame.map((at, i) => at - (parsed[i] ?? Number.NaN));
  process.stdout.write(
    `${name}: parsed ${text(parsed)}, first frame ${text(frame)}, first frame less parsed ${text(gaps)}, n=${gaps.length}\n`,
  );
}
