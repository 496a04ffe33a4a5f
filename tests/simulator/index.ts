/**
 * A local SentinelOne management console for tests (docs/sentinelone-api.md#the-simulator is the checklist it
 * implements).
 *
 * Files (one reason to change each):
 *   server.ts        createSimulator(): the public Simulator object, listen() over HTTP/HTTPS
 *   consoles.ts      createConsoles(): several simulators behind one listener, picked by Host header
 *   dispatch.ts      one request: route match, auth, faults, request log, wire observers
 *   http-io.ts       body reading, reply writing (incl. slow and truncated bodies)
 *   state.ts         shared state (clock, tokens, knobs, stores, PRNGs), seeding into a scope
 *   config.ts        SimulatorOptions, run-time knobs and their defaults
 *   clock.ts         injectable clock in epoch µs; timestamp parsing/formatting with microseconds
 *   prng.ts          seeded PRNG (uuids, batchIds, seed data, fault probabilities)
 *   auth.ts          token table, SIM_TOKENS (renamed per console by the `tokens` option), Authorization parsing
 *   accounts-data.ts the console's accounts (default 2163822725049635476 "Acme Corp")
 *   sites-data.ts    the default sites (Paris HQ, Lyon Lab, in Acme Corp); the `sites` knob replaces them
 *   errors.ts        error envelopes; fixture bodies verbatim for 401/403-multi/500/invalid cursor
 *   fixtures.ts      loads tests/fixtures/s1 (read-only)
 *   ioc-model.ts     IOC shape, stored record, validity days, upsert key
 *   ioc-filter.ts    GET query / DELETE filter -> predicate + canonical form
 *   scope-store.ts   per-scope storage sorted by uuid, cached sort views and counts
 *   ioc-query.ts     keyset page + cached totalItems
 *   cursor.ts        opaque HMAC'd keyset cursors bound to the query
 *   validate-ioc.ts  POST item validation; documents the 400 `detail` format
 *   ioc-write.ts     POST upsert/duplicate, validUntil defaults and clamps
 *   seed.ts, seed-templates.ts  deterministic IOC generator
 *   faults.ts        fault rules (status, reset, malformed, html, slowBody, latency)
 *   request-log.ts   bounded request log with token redaction
 *   blocklist-model.ts  Blocklist item (restrictions), hash checks, duplicates, validate verdicts
 *   firewall-model.ts   Firewall Control rule, POST/PUT field checks
 *   list-query.ts    filters, sort and keyset pages over the small per-account block lists
 *   plant.ts         Blocklist items / firewall rules changed "by another console user" (sync tests)
 *   user-config-model.ts  a scope's TI user-config entry (disableThreat, excludeTii, ...) from the
 *                    `userConfigs` knob
 *   routes/*.ts      iocs-get, iocs-write, ioc-access, user, accounts, system, control, paging, api,
 *                    restrictions, firewall-control, block-access (permissions + scope forms), list-reply,
 *                    sites, site-access (a site user's calls go to its site; accountIds + siteIds -> 400),
 *                    user-config (GET threat-intelligence/user-config)
 *   cli.ts           `npm run sim -- --iocs 5000 [--port 8443] [--http] [--seed 7]`
 *
 * UNCONFIRMED choices (the real console's behaviour is unknown; also listed in
 * docs/sentinelone-api.md#unconfirmed-choices-in-the-simulator):
 *   - 403 for missing TI permission, read-only writes and foreign accounts: 4030000 "Insufficient permissions".
 *   - GET naming an account the token lacks -> 403 (not an empty page); same for POST/DELETE.
 *   - 404 unknown route: 4040000 "Not Found". Non-JSON POST/DELETE body: 400 4000010 "Validation Error".
 *   - 429: 4290010 "Too Many Requests" (+ Retry-After when the fault sets it; system/status sends 1).
 *   - 502/503 faults answer an nginx-style HTML page, not JSON.
 *   - per-scope cap: 400 4000050 "IOC limit reached"; batch cap: 400 4000010 "data: Longer than maximum length N.".
 *   - limit/skip out of range: 400 4000010 (knob outOfRange: 'clamp' clamps instead).
 *   - default sort `id` (uuid) asc; ties broken by uuid in the sort direction; null creationTime first asc.
 *   - countOnly -> {data: [], pagination: {nextCursor: null, totalItems: N}}; skipCount -> totalItems: null.
 *   - `value` filter exact, case-insensitive for hash types; `__contains` case-insensitive substring.
 *   - siteIds filter matches IOCs stored with that scopeId only (no inheritance modelled).
 *   - upsert on (scopeId, type, value, source): keeps uuid and creationTime (unless sent) and unsent
 *     fields; validUntil absent -> recomputed default from the new uploadTime.
 *   - spec-only fields (severity, originalRiskScore, labels, ...) are returned only when sent, like externalId.
 *   - zone-less validUntil read as UTC; past validUntil accepted as is.
 *   - DELETE with an empty/scope-only filter -> 400; pending (invisible) IOCs are deleted too.
 *   - api-token-details with an unknown token -> 400.
 *   - system/status 1/s per client address, real time; a refused call does not restart the window.
 *   - user-config: `{data: [entry]}` for a scope the `userConfigs` knob configures, `{data: []}` otherwise;
 *     a site lists its own entry only; a user without `tiConfigView` gets 403 4030000.
 *   - creator is stored as sent (the sample's mark@test.com is anonymised test data, SOURCES.md).
 *   - restrictions and firewall-control: see the headers of routes/restrictions.ts,
 *     routes/firewall-control.ts and routes/block-access.ts, and docs/blocking-api.md.
 */
export type { SimAccount } from './accounts-data';
export { DEFAULT_ACCOUNT_ID, OTHER_ACCOUNT_ID, SECOND_ACCOUNT_ID, SIM_ACCOUNTS } from './accounts-data';
export { SIM_TOKENS, type SimTokenName, type SimTokens, type SimUser, type TokenTable } from './auth';
export { BLOCKLIST_OS_TYPES, type BlocklistItem } from './blocklist-model';
export { formatUs, parseTimestampUs } from './clock';
export { DEFAULT_KNOBS, DEFAULT_NOW, type Knobs, type SimulatorOptions } from './config';
export {
  type Consoles,
  type ConsolesOptions,
  consoleHost,
  consoleTokens,
  createConsoles,
} from './consoles';
export type { WireRequest } from './dispatch';
export type { ActiveFault, FaultController, FaultRule } from './faults';
export type { FirewallRule, RemoteHost } from './firewall-model';
export { HASH_TYPES, IOC_TYPES, type Ioc, VALIDITY_DAYS } from './ioc-model';
export { OTHER_USER } from './plant';
export type { LoggedRequest } from './request-log';
export { API_PREFIX } from './routes/api';
export {
  CONSOLE_HOST,
  createSimulator,
  type ListenOptions,
  type RunningServer,
  type Simulator,
} from './server';
export { DEFAULT_SITES, LYON_SITE_ID, PARIS_SITE_ID, type SimSite } from './sites-data';
export { EMPTY_FILE_HASHES } from './validate-ioc';
