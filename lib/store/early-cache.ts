/**
 * Opening the cache before the page's code has loaded, so that the popup's look-up answers sooner.
 *
 * Opening IndexedDB takes 5–60 ms in a fresh extension page, and a module graph is evaluated only
 * after every file of it has loaded (~100 ms after the popup opens on a 2-core machine). A small
 * classic script (entrypoints/popup-early.ts) therefore starts the open as the page begins to parse,
 * and the page's own code takes the connection over instead of opening a second one.
 *
 * The two are separate bundles, each with its own copy of idb: the connection is handed over as
 * the plain IDBDatabase, under a global symbol, and wrapped again by the taker.
 */
import { unwrap, wrap } from 'idb';
import { type IocDatabase, openIocDb } from './db';

const HANDOFF = Symbol.for('s1-ioc-manager/early-cache');

type Scope = { [HANDOFF]?: Promise<IDBDatabase> };
const scope = globalThis as Scope;

/** Starts opening the cache now (the real open, with its upgrade steps), for takeEarlyCache(). */
export function openCacheEarly(): void {
  scope[HANDOFF] ??= openIocDb().then((db) => unwrap(db));
}

/** The connection openCacheEarly() started, once; null if it did not run in this page. */
export function takeEarlyCache(): Promise<IocDatabase> | null {
  const opening = scope[HANDOFF];
  if (!opening) return null;
  delete scope[HANDOFF];
  return opening.then((db) => wrap(db) as IocDatabase);
}
