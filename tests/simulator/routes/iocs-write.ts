/**
 * POST and DELETE threat-intelligence/iocs (docs/sentinelone-api.md#creating-and-updating-iocs,
 * docs/sentinelone-api.md#deleting-iocs).
 * UNCONFIRMED choices: the per-scope cap answers 400 / 4000050 "IOC limit reached"; the batch cap
 * 400 / 4000010 "Validation Error" "data: Longer than maximum length N."; an empty or scope-only
 * DELETE filter 400 Validation Error; POST `filter` without accountIds 500 even when siteIds is set.
 */
import { errorBody, internalError, type Reply, validationError } from '../errors';
import { compileFilter, SCOPE_FIELDS } from '../ioc-filter';
import { applyWrite, countNew, type WriteOptions } from '../ioc-write';
import { storeOf } from '../state';
import { validateItems } from '../validate-ioc';
import { objectBody, type RouteContext } from './context';
import { checkAccounts, iocAccess } from './ioc-access';
import { scopedAccess } from './site-access';

const listOf = (v: unknown): string[] | null =>
  v === undefined || v === null ? null : Array.isArray(v) ? v.map(String) : String(v).split(',');

export function postIocs(ctx: RouteContext): Reply {
  const body = objectBody(ctx);
  if (!body) return validationError('Request body must be a JSON object.');
  const { state } = ctx;
  const filter = (body.filter ?? {}) as Record<string, unknown>;
  const access = scopedAccess(ctx, iocAccess(ctx, true), filter, true);
  if (!access.ok) return access.reply;
  const accountIds = listOf(filter.accountIds);
  const siteIds = listOf(filter.siteIds);
  // A POST without filter.accountIds is a 500 on at least one tenant
  // (docs/sentinelone-api.md#request-body-and-scope-filter); a site user names its site instead.
  const scoped = access.site ? siteIds?.length : accountIds?.length;
  if (!scoped && (access.site || state.knobs.requireAccountIdsOnPost)) return internalError();
  const denied = access.site ? null : checkAccounts(access.accountId, accountIds);
  if (denied) return denied;
  if (!Array.isArray(body.data)) return validationError('data: Not a valid list.');
  const items = body.data as unknown[];
  if (state.knobs.maxBatch !== null && items.length > state.knobs.maxBatch) {
    return validationError(`data: Longer than maximum length ${state.knobs.maxBatch}.`);
  }
  const problems = validateItems(items, state.knobs.refuseValues);
  if (problems.length) return validationError(problems.join('; '));

  const store = storeOf(state, access.accountId);
  const now = state.clock.now();
  const opts: WriteOptions = {
    scopeId: access.accountId,
    // An IOC created in a site says so, with the site's account as its parent.
    ...(access.site ? { scope: 'site' as const, parentScopeId: access.site.accountId } : {}),
    now,
    batchId: state.ids.hex(32),
    newUuid: () => state.ids.hex(32),
    writeMode: state.knobs.writeMode,
    upsertKey: state.knobs.upsertKey,
    visibilityDelayMs: state.knobs.visibilityDelayMs,
  };
  const records = items as Record<string, unknown>[];
  const max = state.knobs.maxIocsPerScope;
  if (store.size + countNew(store, records, opts) > max) {
    return {
      status: 400,
      body: errorBody(
        4000050,
        'IOC limit reached',
        `A scope holds at most ${max} IOCs (${store.size} stored).`,
      ),
    };
  }
  return { status: 200, body: { data: applyWrite(store, records, opts) } };
}

export function deleteIocs(ctx: RouteContext): Reply {
  const body = objectBody(ctx);
  if (!body) return validationError('Request body must be a JSON object.');
  const filter = body.filter;
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    return validationError('filter: Missing data for required field.');
  }
  const f = filter as Record<string, unknown>;
  const access = scopedAccess(ctx, iocAccess(ctx, true), f, true);
  if (!access.ok) return access.reply;
  if ('source__contains' in f) return validationError('filter: source__contains: Unknown field.'); // [LIFE]
  const compiled = compileFilter(f);
  if (!compiled.ok) return validationError(`filter: ${compiled.detail}`);
  const { filter: compiledFilter } = compiled;
  if (compiledFilter.selecting.length === 0) {
    const present = Object.keys(f).filter((k) => SCOPE_FIELDS.has(k));
    return validationError(
      `filter: At least one filter besides ${present.length ? present.join(', ') : 'the scope'} is required.`,
    );
  }
  const denied = access.site ? null : checkAccounts(access.accountId, compiledFilter.accountIds);
  if (denied) return denied;
  // The trap of docs/sentinelone-api.md#deleting-iocs: without accountIds this still deletes every match in
  // the token's scope, any type/source.
  // Pending (not yet visible) IOCs are deleted too: they exist, GET just does not show them yet.
  const store = storeOf(ctx.state, access.accountId);
  const affected = store.removeWhere((r) => compiledFilter.test(r));
  store.settle();
  return { status: 200, body: { data: { affected } } };
}
