/**
 * Firewall Control, `firewall-control` (docs/blocking-api.md): POST one rule, GET with scope filters,
 * PUT firewall-control/{id}, DELETE by `filter.ids`, served from the token's account.
 * UNCONFIRMED choices:
 * - POST answers `{data: rule}` (one object, not a list); a POST without any scope is a 500 like the
 *   Blocklist's; `direction` defaults to `any`;
 * - DELETE takes the ids in `filter.ids`; without ids it is a 400;
 * - PUT with an unknown id is a 404; PUT changes only the fields sent and stamps updatedAt;
 * - `name__contains` and `query` are case-insensitive substrings (`query` over name, description and
 *   remote host values); `name` is exact; default sort `id` ascending.
 */
import { internalError, notFound, type Reply, validationError } from '../errors';
import { type FirewallRule, type RuleFields, readRuleFields } from '../firewall-model';
import { FilterBuilder } from '../list-query';
import { nextOrder, removeById } from '../plant';
import { firewallOf, newBlockId } from '../state';
import { blockAccess, readScope, type ScopeForm } from './block-access';
import { asObject, objectBody, type RouteContext } from './context';
import { listReply } from './list-reply';
import { scopedAccess } from './site-access';

export const FIREWALL_SORT_FIELDS = ['id', 'name', 'createdAt', 'updatedAt'] as const;

const sortKey = (r: FirewallRule, sortBy: string): string =>
  sortBy === 'id' ? r.id.padStart(20, '0') : String(r[sortBy as keyof FirewallRule] ?? '');

const scopeOfRule = (accountId: string, scope: ScopeForm): Pick<FirewallRule, 'scope' | 'scopeId'> =>
  scope.kind === 'tenant'
    ? { scope: 'global', scopeId: null }
    : { scope: scope.kind, scopeId: scope.kind === 'account' ? accountId : (scope.ids[0] ?? null) };

export function getFirewallRules(ctx: RouteContext): Reply {
  const granted = blockAccess(ctx, 'firewall', false);
  if (!granted.ok) return granted.reply;
  const input = Object.fromEntries(ctx.query);
  const access = scopedAccess(ctx, granted, input, false);
  if (!access.ok) return access.reply;
  const scoped = readScope(access.accountId, input);
  if (!scoped.ok) return scoped.reply;
  const f = new FilterBuilder<FirewallRule>(input)
    .anyOf('ids', (r) => r.id)
    .contains('name__contains', (r) => [r.name], false)
    .contains('query', (r) => [r.name, r.description, ...r.remoteHosts.flatMap((h) => h.values)], false)
    .add('scope', scoped.scope, () => true);
  // A rule name may hold commas, so `name` is one exact value.
  const name = ctx.query.get('name');
  if (name !== null) f.add('name', name, (r) => r.name === name);
  return listReply(ctx, {
    kind: 'firewall-control',
    items: access.empty ? [] : firewallOf(ctx.state, access.accountId),
    filter: f.build(),
    sortFields: FIREWALL_SORT_FIELDS,
    defaultSort: 'id',
    sortKey,
  });
}

export function postFirewallRule(ctx: RouteContext): Reply {
  const granted = blockAccess(ctx, 'firewall', true);
  if (!granted.ok) return granted.reply;
  const body = objectBody(ctx);
  if (!body) return validationError('Request body must be a JSON object.');
  const access = scopedAccess(ctx, granted, asObject(body.filter) ?? {}, true);
  if (!access.ok) return access.reply;
  const scoped = readScope(access.accountId, asObject(body.filter) ?? {});
  if (!scoped.ok) return scoped.reply;
  if (scoped.scope === null) return internalError();
  if (Array.isArray(body.data))
    return validationError('data: Not a valid object; send one rule per request.');
  const data = asObject(body.data);
  if (!data) return validationError('data: Missing data for required field.');
  const read = readRuleFields(data, false);
  if (!read.ok) return validationError(`data: ${read.detail}`);
  const user = ctx.user;
  if (!user) return internalError();
  const { state } = ctx;
  const list = firewallOf(state, access.accountId);
  const f = read.fields as RuleFields;
  const now = state.clock.iso();
  const rule: FirewallRule = {
    id: newBlockId(state),
    name: f.name,
    description: f.description ?? '',
    action: f.action,
    status: f.status,
    direction: f.direction,
    osTypes: f.osTypes,
    remoteHosts: f.remoteHosts,
    protocol: f.protocol ?? null,
    ...scopeOfRule(access.accountId, scoped.scope),
    creator: user.fullName,
    creatorId: user.id,
    createdAt: now,
    updatedAt: now,
    editable: true,
    order: nextOrder(list),
  };
  list.push(rule);
  return { status: 200, body: { data: structuredClone(rule) } };
}

export function putFirewallRule(ctx: RouteContext): Reply {
  const granted = blockAccess(ctx, 'firewall', true);
  if (!granted.ok) return granted.reply;
  const body = objectBody(ctx);
  if (!body) return validationError('Request body must be a JSON object.');
  const access = scopedAccess(ctx, granted, asObject(body.filter) ?? {}, true);
  if (!access.ok) return access.reply;
  const scoped = readScope(access.accountId, asObject(body.filter) ?? {});
  if (!scoped.ok) return scoped.reply;
  const data = asObject(body.data);
  if (!data) return validationError('data: Missing data for required field.');
  const read = readRuleFields(data, true);
  if (!read.ok) return validationError(`data: ${read.detail}`);
  const id = ctx.params[0] ?? '';
  const rule = firewallOf(ctx.state, access.accountId).find((r) => r.id === id);
  if (!rule) return notFound(`Firewall rule ${id} not found`);
  Object.assign(rule, read.fields, { updatedAt: ctx.state.clock.iso() });
  return { status: 200, body: { data: structuredClone(rule) } };
}

export function deleteFirewallRules(ctx: RouteContext): Reply {
  const granted = blockAccess(ctx, 'firewall', true);
  if (!granted.ok) return granted.reply;
  const body = objectBody(ctx);
  if (!body) return validationError('Request body must be a JSON object.');
  const filter = asObject(body.filter);
  if (!filter) return validationError('filter: Missing data for required field.');
  const access = scopedAccess(ctx, granted, filter, true);
  if (!access.ok) return access.reply;
  const scoped = readScope(access.accountId, filter);
  if (!scoped.ok) return scoped.reply;
  const ids = filter.ids;
  if (!Array.isArray(ids) || ids.length === 0)
    return validationError('filter: ids: Missing data for required field.');
  const affected = removeById(firewallOf(ctx.state, access.accountId), ids.map(String));
  return { status: 200, body: { data: { affected } } };
}
