/**
 * Trusted contexts only: code in the isolated world of a web page the extension scripts (where the
 * selection-reading script runs) can neither read the API token from chrome.storage nor make the
 * worker write, while the very same message from the manager tab still works. The page is a report
 * on a *.sentinelone.net host, which the extension may script; the code is injected from the
 * service worker with chrome.scripting, as the worker injects its own selection reader. Where a
 * browser cannot keep storage.local from that world (Firefox), the token is not there to read: it
 * is in the extension's own IndexedDB, which a world of the page's origin cannot open.
 */
import type { Page, Worker } from '@playwright/test';
import { CONSOLE_URL, expect, test } from './fixtures';
import { dumpExtensionState } from './pages/extension-dump';
import { readExtensionStorage, readTokenVault } from './pages/extension-storage';
import { connectAndSync } from './pages/options-page';
import { openReportPage, REPORT_URL } from './pages/report-page';
import { syncNow } from './pages/review-blocks';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

/** The value the hostile code asks to have detected and blocked: an organisation's own domain. */
const VALUE = 'payroll-acme-corp.com';
const DRAFT = { type: 'DNS', value: VALUE, source: 'hostile page', method: 'EQUALS' };

/** What the code in the page's isolated world saw: each storage area as text, each message's answer. */
interface Probe {
  local: string;
  session: string;
  submitIocs: unknown;
  applyActions: unknown;
}

/**
 * Runs the probe in the report tab's isolated world. Messages are framed as @webext-core/messaging
 * frames them ({id, type, data, timestamp}); its answer is {res} or {err}.
 */
function probeFromPage(worker: Worker): Promise<Probe> {
  return worker.evaluate(
    async ({ pageUrl, draft }) => {
      type Chrome = {
        tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
        scripting: {
          executeScript(injection: {
            target: { tabId: number };
            world: 'ISOLATED';
            func: (draft: object) => Promise<unknown>;
            args: unknown[];
          }): Promise<Array<{ result?: unknown }>>;
        };
      };
      const api = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await api.tabs.query({ url: pageUrl });
      if (tab?.id === undefined) throw new Error(`No tab at ${pageUrl}`);
      const [injected] = await api.scripting.executeScript({
        target: { tabId: tab.id },
        world: 'ISOLATED',
        args: [draft],
        // Runs in the page's isolated world: only what is defined inside exists there.
        func: async (draft: object) => {
          type Area = { get(keys: null): Promise<Record<string, unknown>> };
          type PageChrome = {
            storage: { local?: Area; session?: Area };
            runtime: {
              sendMessage(message: object, reply: (answer: unknown) => void): void;
              lastError?: { message?: string };
            };
          };
          const chrome = (globalThis as unknown as { chrome: PageChrome }).chrome;
          const read = async (area: Area | undefined) => {
            try {
              return area ? JSON.stringify(await area.get(null)) : 'no such area';
            } catch (error) {
              return `error: ${(error as Error).message}`;
            }
          };
          const ask = (type: string, data: unknown) =>
            new Promise((resolve) => {
              try {
                chrome.runtime.sendMessage(
                  { id: 1, type, data: { profileId: 'p1', request: data }, timestamp: Date.now() },
                  (answer) =>
                    resolve(
                      chrome.runtime.lastError ? { lastError: chrome.runtime.lastError.message } : answer,
                    ),
                );
              } catch (error) {
                resolve({ thrown: (error as Error).message });
              }
            });
          return {
            local: await read(chrome.storage.local),
            session: await read(chrome.storage.session),
            submitIocs: await ask('submitIocs', [draft]),
            applyActions: await ask('applyActions', [{ draft, detect: true, blockNetwork: true }]),
          };
        },
      });
      return injected?.result as Probe;
    },
    { pageUrl: REPORT_URL, draft: DRAFT },
  );
}

/** The same framed message, sent from an extension page (the manager tab). */
function askFromManager(manager: Page, type: string, data: unknown): Promise<unknown> {
  return manager.evaluate(
    ({ type, data }) =>
      new Promise((resolve) => {
        const { runtime } = (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: object, reply: (answer: unknown) => void): void } };
          }
        ).chrome;
        // As lib/messages.ts frames it: the profile, then the request.
        runtime.sendMessage(
          { id: 2, type, data: { profileId: 'p1', request: data }, timestamp: Date.now() },
          resolve,
        );
      }),
    { type, data },
  );
}

const writes = (sim: { requests(): Array<{ method: string; path: string }> }) =>
  sim.requests().filter((r) => r.method !== 'GET');

test('code in a web page’s isolated world cannot read the token or make the worker write; the manager tab still can', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  const manager = await connectAndSync(context, extensionId, sim);
  const writesBefore = writes(sim).length;
  await openReportPage(context);

  const probe = await probeFromPage(serviceWorker);

  // (a) No token, nor any setting, from storage: the browser refuses the page's world.
  expect(probe.local).not.toContain(sim.defaultToken);
  expect(probe.local).toMatch(/^error: |^no such area$/);
  expect(probe.session).toMatch(/^error: |^no such area$/);
  // (b) Both writes refused by the worker, and the console was sent nothing.
  const refused = {
    err: expect.objectContaining({ message: "Refused: only the extension's own pages may ask this." }),
  };
  expect(probe.submitIocs).toEqual(refused);
  expect(probe.applyActions).toEqual(refused);
  expect(sim.iocs(sim.defaultAccountId).map((ioc) => ioc.value)).not.toContain(VALUE);
  expect(sim.firewallRules()).toEqual([]);
  expect(writes(sim)).toHaveLength(writesBefore);
  // The activity log says what was refused and from where, without the payload.
  const log = (await dumpExtensionState(serviceWorker)).filter((place) =>
    place.text.includes('Refused the '),
  );
  expect(log.map((place) => place.text).join('\n')).toContain(
    "Refused the submitIocs message from https://threat-report.sentinelone.net: not one of the extension's pages.",
  );
  expect(log.map((place) => place.text).join('\n')).not.toContain(VALUE);

  // The same message from the extension's own page is answered and written.
  const answer = await askFromManager(manager, 'submitIocs', [DRAFT]);
  expect(answer).toMatchObject({ res: { stored: 1 } });
  expect(sim.iocs(sim.defaultAccountId).map((ioc) => ioc.value)).toContain(VALUE);
});

/** What the page's isolated world finds: storage.local as text, and the extension's vault, if it can open it. */
interface VaultProbe {
  local: string;
  databases: string[];
  vaultStores: string[];
}

/** Runs in the report tab's isolated world, as the selection reader does. */
function probeVaultFromPage(worker: Worker): Promise<VaultProbe> {
  return worker.evaluate(async (pageUrl) => {
    type Chrome = {
      tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
      scripting: {
        executeScript(injection: {
          target: { tabId: number };
          world: 'ISOLATED';
          func: () => Promise<unknown>;
        }): Promise<Array<{ result?: unknown }>>;
      };
    };
    const api = (globalThis as unknown as { chrome: Chrome }).chrome;
    const [tab] = await api.tabs.query({ url: pageUrl });
    if (tab?.id === undefined) throw new Error(`No tab at ${pageUrl}`);
    const [injected] = await api.scripting.executeScript({
      target: { tabId: tab.id },
      world: 'ISOLATED',
      func: async () => {
        type Area = { get(keys: null): Promise<Record<string, unknown>> };
        const chrome = (globalThis as unknown as { chrome: { storage: { local?: Area } } }).chrome;
        let local: string;
        try {
          local = chrome.storage.local
            ? JSON.stringify(await chrome.storage.local.get(null))
            : 'no such area';
        } catch (error) {
          local = `error: ${(error as Error).message}`;
        }
        const databases = (await indexedDB.databases()).map((db) => db.name ?? '');
        // The vault's name, opened from here: the page's origin gets a database of its own, empty.
        const vaultStores = await new Promise<string[]>((resolve) => {
          const open = indexedDB.open('s1-ioc-manager-secrets');
          open.onsuccess = () => {
            resolve([...open.result.objectStoreNames]);
            open.result.close();
          };
          open.onerror = () => resolve([`error: ${open.error?.message}`]);
        });
        return { local, databases, vaultStores };
      },
    });
    return injected?.result as VaultProbe;
  }, REPORT_URL);
}

test('where storage.local is open to content scripts (as in Firefox), a page’s isolated world still finds no token; sync works', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  // Connected through the Settings form, and the first sync completed with the token.
  const manager = await connectAndSync(context, extensionId, sim);
  const token = sim.defaultToken;

  // storage.local, read from the worker, holds no trace of the token: only its last four characters.
  const local = JSON.stringify((await readExtensionStorage(serviceWorker)).local);
  expect(local).toContain(`"tokenHint":"…${token.slice(-4)}"`);
  for (const part of [token, token.slice(0, 12), token.slice(-12, -4), btoa(token)])
    expect(local).not.toContain(part);
  expect(await readTokenVault(serviceWorker)).toEqual({ consoleUrl: CONSOLE_URL, token });

  // Firefox has no trusted-contexts switch: open storage.local to content scripts, as it is there.
  await serviceWorker.evaluate(async () => {
    type Local = { setAccessLevel(o: { accessLevel: string }): Promise<void> };
    const { storage } = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
    await storage.local.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
  });
  await openReportPage(context);
  const probe = await probeVaultFromPage(serviceWorker);
  // The page's world reads the settings now, but no token is among them.
  expect(probe.local).toContain(CONSOLE_URL);
  expect(probe.local).not.toContain(token);
  // The extension's databases are not the page's: the vault's name opens an empty one of the page's origin.
  expect(probe.databases).not.toContain('s1-ioc-manager');
  expect(probe.databases).not.toContain('s1-ioc-manager-secrets');
  expect(probe.vaultStores).toEqual([]);

  // The worker still has the token: a sync asked from the manager completes.
  await syncNow(manager);
  await expect(manager.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /);
});
