/**
 * The Blocklist, `restrictions` (docs/blocking-api.md): GET, POST (one black_hash item per call),
 * POST restrictions/validate and DELETE by `data.ids`, served from the token's account.
 * UNCONFIRMED choices:
 * - `value__contains` matches SHA1 `value` OR `sha256Value` (the real console may search `value` only);
 * - `description__contains` is case-insensitive; `value` and `value__contains` are case-sensitive;
 * - a "Not allowed" hash (knob notAllowedHashes) is refused with 400 4000010 "Validation Error" whose
 *   detail says "Not allowed"; the real wording is unknown;
 * - `source` defaults to "user" when not sent; `description` to "";
 * - default sort `id` ascending; includeParents / includeChildren are ignored (no hierarchy).
 */
import {
  type BlocklistItem,
  duplicateOf,
  isNotAllowed,
  isNotRecommended,
  readHashPair,
  verdictOf,
} from '../blocklist-model';
import { errorBody, internalError, type Reply, validationError } from '../errors';
import { FilterBuilder } from '../list-query';
import { blocklistOf, newBlockId } from '../state';
import { blockAccess, readScope, scopeNames } from './block-access';
import { asObject, objectBody, type RouteContext } from './context';
import { listReply } from './list-reply';
import { scopedAccess } from './site-access';

export const RESTRICTION_SORT_FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'osType',
  'description',
  'value',
  'userName',
  'source',
  'scopePath',
  'imported',
] as const;

function sortKey(i: BlocklistItem, sortBy: string): string {
  switch (sortBy) {
    case 'id':
      return i.id.padStart(20, '0');
    case 'imported':
      return i.imported ? '1' : '0';
    default: {
      const v = i[sortBy as keyof BlocklistItem];
      return typeof v === 'string' ? v : '';
    }
  }
}

/** The 400 the console gives for a hash already listed for that OS in that scope [XS]. */
export const alreadyExists = (): Reply => ({
  status: 400,
  body: errorBody(4000030, 'Already Exists Error', null),
});

export function getRestrictions(ctx: RouteContext): Reply {
  const granted = blockAccess(ctx, 'blocklist', false);
  if (!granted.ok) return granted.reply;
  const input = Object.fromEntries(ctx.query);
  const access = scopedAccess(ctx, granted, input, false);
  if (!access.ok) return access.reply;
  const scoped = readScope(access.accountId, input);
  if (!scoped.ok) return scoped.reply;
  const f = new FilterBuilder<BlocklistItem>(input)
    .anyOf('type', (i) => i.type)
    .anyOf('osTypes', (i) => i.osType)
    .anyOf('ids', (i) => i.id)
    .anyOf('source', (i) => i.source)
    .anyOf('value', (i) => i.value)
    .contains('value__contains', (i) => [i.value, i.sha256Value], true)
    .contains('description__contains', (i) => [i.description], false)
    .time('createdAt', (i) => i.createdAt)
    .time('updatedAt', (i) => i.updatedAt)
    .add('scope', scoped.scope, () => true);
  if (f.error) return validationError(f.error);
  return listReply(ctx, {
    kind: 'restrictions',
    items: access.empty ? [] : blocklistOf(ctx.state, access.accountId),
    filter: f.build(),
    sortFields: RESTRICTION_SORT_FIELDS,
    defaultSort: 'id',
    sortKey,
  });
}

/** `data` of a POST or validate: one object (a list is a 400: one item per call). */
function dataObject(body: Record<string, unknown>): Record<string, unknown> | Reply {
  const data = body.data;
  if (Array.isArray(data)) return validationError('data: Not a valid object; send one item per request.');
  if (typeof data !== 'object' || data === null)
    return validationError('data: Missing data for required field.');
  return data as Record<string, unknown>;
}

const isReply = (v: unknown): v is Reply => typeof v === 'object' && v !== null && 'status' in v;

export function postRestriction(ctx: RouteContext): Reply {
  const granted = blockAccess(ctx, 'blocklist', true);
  if (!granted.ok) return granted.reply;
  const body = objectBody(ctx);
  if (!body) return validationError('Request body must be a JSON object.');
  const filter = (asObject(body.filter) ?? {}) as Record<string, unknown>;
  const access = scopedAccess(ctx, granted, filter, true);
  if (!access.ok) return access.reply;
  const scoped = readScope(access.accountId, filter);
  if (!scoped.ok) return scoped.reply;
  // A create without any scope in `filter` answered 500 / 5000010 on a real console [REDDIT].
  if (scoped.scope === null) return internalError();
  const data = dataObject(body);
  if (isReply(data)) return data;
  // Another type would create an exclusion on the real console; the extension never sends one.
  if (data.type !== 'black_hash') return validationError('data: type: Must be one of: black_hash.');
  const read = readHashPair(data);
  if (!read.ok) return validationError(`data: ${read.detail}`);
  const pair = read.pair;
  const { state } = ctx;
  if (isNotAllowed(state.knobs, pair)) {
    const field = pair.value !== undefined ? 'value' : 'sha256Value';
    return validationError(`data: ${field}: Not allowed: this hash may not be added to the blocklist.`);
  }
  const list = blocklistOf(state, access.accountId);
  const dup = duplicateOf(list, pair);
  if (dup.sha1 || dup.sha256) return alreadyExists();
  const user = ctx.user;
  if (!user) return internalError();
  const scope = scoped.scope;
  const now = state.clock.iso();
  const item: BlocklistItem = {
    id: newBlockId(state),
    type: 'black_hash',
    osType: pair.osType,
    ...(pair.value !== undefined ? { value: pair.value } : {}),
    ...(pair.sha256Value !== undefined ? { sha256Value: pair.sha256Value } : {}),
    description: typeof data.description === 'string' ? data.description : '',
    source: typeof data.source === 'string' && data.source !== '' ? data.source : 'user',
    scope:
      scope.kind === 'tenant'
        ? { tenant: true }
        : scope.kind === 'account'
          ? { accountIds: [access.accountId] }
          : { [`${scope.kind}Ids`]: scope.ids },
    ...scopeNames(access.site?.accountId ?? access.accountId, scope, access.site?.name),
    userId: user.id,
    userName: user.fullName,
    notRecommended: isNotRecommended(state.knobs, pair) ? 'Not recommended' : 'NONE',
    createdAt: now,
    updatedAt: now,
    imported: false,
  };
  list.push(item);
  return { status: 200, body: { data: [structuredClone(item)] } };
}

export function validateRestriction(ctx: RouteContext): Reply {
  const granted = blockAccess(ctx, 'blocklist', true);
  if (!granted.ok) return granted.reply;
  const body = objectBody(ctx);
  if (!body) return validationError('Request body must be a JSON object.');
  const filter = asObject(body.filter);
  const access = scopedAccess(ctx, granted, filter ?? {}, true);
  if (!access.ok) return access.reply;
  if (filter) {
    const access = scopedAccess(ctx, granted, filter, true);
    if (!access.ok) return access.reply;
    const scoped = readScope(access.accountId, filter);
    if (!scoped.ok) return scoped.reply;
  }
  const data = dataObject(body);
  if (isReply(data)) return data;
  const read = readHashPair(data);
  if (!read.ok) return validationError(`data: ${read.detail}`);
  const verdict = verdictOf(ctx.state.knobs, blocklistOf(ctx.state, access.accountId), read.pair);
  return { status: 200, body: { data: verdict } };
}

export function deleteRestrictions(ctx: RouteContext): Reply {
  const granted = blockAccess(ctx, 'blocklist', true);
  if (!granted.ok) return granted.reply;
  const body = objectBody(ctx);
  if (!body) return validationError('Request body must be a JSON object.');
  const filter = asObject(body.filter);
  const access = scopedAccess(ctx, granted, filter ?? {}, true);
  if (!access.ok) return access.reply;
  if (filter) {
    const access = scopedAccess(ctx, granted, filter, true);
    if (!access.ok) return access.reply;
    const scoped = readScope(access.accountId, filter);
    if (!scoped.ok) return scoped.reply;
  }
  const data = asObject(body.data);
  const ids = data?.ids;
  // The ids go in `data`, not in `filter` [XS, SPL, DD]; ids in filter alone select nothing here.
  if (!Array.isArray(ids) || ids.length === 0)
    return validationError('data: ids: Missing data for required field.');
  if (data?.type !== undefined && data.type !== 'black_hash')
    return validationError('data: type: Must be one of: black_hash.');
  const wanted = new Set(ids.map(String));
  const list = blocklistOf(ctx.state, access.accountId);
  const keep = list.filter((i) => !wanted.has(i.id));
  const affected = list.length - keep.length;
  list.splice(0, list.length, ...keep);
  return { status: 200, body: { data: { affected } } };
}
