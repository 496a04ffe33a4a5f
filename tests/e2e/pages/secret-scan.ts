/**
 * The API token appears nowhere but the Authorization header to the configured
 * console, and each console's tokens go to that console only. Watches a test from its start (console output of every page and the service worker,
 * page errors, downloads, every request the browser made and every one the simulator received) and
 * at the end adds what stays behind (IndexedDB, chrome.storage, each open page's DOM, URL and web
 * storage, the simulator's request log), then looks for every token in all of it.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Download, Page } from '@playwright/test';
import { SIM_TOKENS, type Simulator } from '../../simulator';
import { dumpExtensionState, type Place } from './extension-dump';
import { findSecrets, type SecretFinding } from './secret-text';

export interface SecretReport {
  places: number;
  bytes: number;
  findings: SecretFinding[];
  /** Requests of the browser that carried an Authorization header. */
  authorized: number;
  /** `<origin or host>: <url>` of each Authorization header sent anywhere else. */
  authorizedElsewhere: string[];
}

export interface SecretScan {
  /** Adds what a page shows now (an error message that will not stay) to the scan. */
  snapshot(page: Page, label: string): Promise<void>;
  /** Scans everything gathered; called once by the fixture, later calls get the same report. */
  finish(): Promise<SecretReport>;
}

const tokenOf = (authorization: string) => authorization.replace(/^\S+\s+/, '').trim();

/**
 * Starts watching `context` and the simulated consoles, by origin; the token may go to those and to
 * `consoleOrigins`, but a token of one console sent to another is a finding too.
 */
export function watchForSecrets(
  context: BrowserContext,
  consoles: Record<string, Simulator>,
  consoleOrigins: string[],
): SecretScan {
  const places: Place[] = [];
  const add = (place: string, text: string) => places.push({ place, text });
  const sentTokens = new Set<string>();
  const elsewhere: string[] = [];
  let authorized = 0;
  const downloads: Download[] = [];
  const allowedOrigins = [...consoleOrigins, ...Object.keys(consoles)];
  const allowedHosts = new Set(allowedOrigins.map((origin) => new URL(origin).host));
  const sims = Object.values(consoles);
  const tokensOf = (sim: Simulator) => new Set([...Object.values(sim.namedTokens), ...sim.tokens.tokens()]);
  /** The other console whose token `token` is, when it was sent to a console that does not take it. */
  const misdirected = (origin: string, token: string): string | undefined => {
    const own = consoles[origin];
    if (!own || tokensOf(own).has(token)) return undefined;
    return Object.keys(consoles).find((other) => tokensOf(consoles[other] as Simulator).has(token));
  };

  context.on('console', (message) =>
    add(`console of ${message.worker() ? 'the service worker' : message.page()?.url()}`, message.text()),
  );
  context.on('weberror', (error) => add('uncaught page error', String(error.error().stack)));
  const watchPage = (page: Page) => {
    page.on('download', (download) => downloads.push(download));
    page.on('framenavigated', (frame) => add('page URL', frame.url()));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  // Every request the browser made, to any origin: URL, the headers set, the body.
  context.on('request', (request) => {
    const { authorization, ...headers } = request.headers();
    if (authorization) {
      authorized++;
      sentTokens.add(tokenOf(authorization));
      const { origin } = new URL(request.url());
      const owner = misdirected(origin, tokenOf(authorization));
      if (!allowedOrigins.includes(origin)) elsewhere.push(`${origin}: ${request.url()}`);
      else if (owner) elsewhere.push(`${origin}: ${request.url()} (a token of ${owner})`);
    }
    add('request URL (browser)', request.url());
    add('request headers except Authorization (browser)', JSON.stringify(headers));
    add('request body (browser)', request.postData() ?? '');
  });
  // Every request the simulator received, as it arrived, browser-added headers included.
  const stopWire = sims.map((sim) =>
    sim.onWire(({ url, headers: { authorization, ...headers }, body }) => {
      // The test's own calls (createOnConsole, Node's fetch to 127.0.0.1) are not the extension's.
      const fromBrowser = String(headers['user-agent']).startsWith('Mozilla/');
      const owner = authorization && misdirected(`https://${headers.host}`, tokenOf(authorization));
      if (authorization && fromBrowser && !allowedHosts.has(String(headers.host)))
        elsewhere.push(`${headers.host}: ${url}`);
      else if (fromBrowser && owner) elsewhere.push(`${headers.host}: ${url} (a token of ${owner})`);
      add('URL received by the simulator', url);
      add('headers received by the simulator, except Authorization', JSON.stringify(headers));
      add('body received by the simulator', body);
    }),
  );

  async function snapshot(page: Page, label: string) {
    const shown = await page.evaluate(() => {
      const stored = (area: Storage | null) => JSON.stringify(Object.entries(area ?? {}));
      let web = '';
      try {
        web = stored(localStorage) + stored(sessionStorage);
      } catch {} // about:blank and other opaque origins have no web storage
      return { dom: document.documentElement.outerHTML, web };
    });
    add(`${label}: DOM of ${page.url()}`, shown.dom);
    add(`${label}: web storage of ${page.url()}`, shown.web);
  }

  async function scan(): Promise<SecretReport> {
    for (const stop of stopWire) stop();
    for (const page of context.pages()) await snapshot(page, 'at the end');
    for (const download of downloads) {
      const failed = await download.failure();
      const text = failed === null ? await readFile(await download.path(), 'utf8') : `failed: ${failed}`;
      add(`download ${download.suggestedFilename()}`, text);
    }
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    const extensionPage = context.pages().find((p) => p.url().startsWith('chrome-extension://'));
    const target = worker ?? extensionPage;
    if (!target) throw new Error('Neither the service worker nor an extension page is open to read storage');
    places.push(...(await dumpExtensionState(target)));
    // The log redacts tokens as REDACTED:<label>: a marker outside `auth` means one arrived in a
    // query or a body. Its own text is searched too, in case its redaction ever misses one.
    const log = sims.flatMap((sim) => sim.requests().map(({ auth: _auth, ...rest }) => JSON.stringify(rest)));
    add('simulator request log', log.join('\n'));
    const redacted = log.filter((line) => line.includes('REDACTED'));
    const consoleTokens = sims.flatMap((sim) => [...tokensOf(sim)]);
    const secrets = [...new Set([...Object.values(SIM_TOKENS), ...consoleTokens, ...sentTokens])];
    const findings = places.flatMap(({ place, text }) => findSecrets(place, text, secrets));
    for (const line of redacted)
      findings.push({ place: 'simulator request log', form: 'whole', count: 1, context: line.slice(0, 200) });
    return {
      places: new Set(places.map((p) => p.place)).size,
      bytes: places.reduce((sum, p) => sum + p.text.length, 0),
      findings,
      authorized,
      authorizedElsewhere: elsewhere,
    };
  }

  let report: Promise<SecretReport> | undefined;
  return { snapshot, finish: () => (report ??= scan()) };
}

/** One line of figures for a test's output. */
export function describeReport(report: SecretReport): string {
  const outside = report.findings.reduce((sum, f) => sum + f.count, 0);
  return (
    `secret scan: ${report.places} places, ${(report.bytes / 1024).toFixed(1)} KB scanned, ` +
    `${outside} token occurrences outside the Authorization header, ${report.authorized} authorized ` +
    `requests, ${report.authorizedElsewhere.length} Authorization headers to another origin`
  );
}
