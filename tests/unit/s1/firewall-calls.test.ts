/**
 * The client's Firewall Control calls (`firewall-control`) against the in-process simulator: scope on
 * every call, request shapes, paging, and the 403 of a console without the Control SKU.
 */
import { describe, expect, it } from 'vitest';
import { firewallRuleDraft } from '../../../lib/blocks/firewall-rules';
import { S1Error } from '../../../lib/s1/errors';
import { SIM_TOKENS } from '../../simulator';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client: consoleClient } = useSimulatedConsole();

const client = (apiToken = sim.defaultToken) => consoleClient(apiToken);
const calls = (method: string) =>
  sim.requests().filter((r) => r.method === method && r.path.startsWith('/web/api/v2.1/firewall-control'));

async function caught(promise: Promise<unknown>): Promise<S1Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(S1Error);
  return error as S1Error;
}

const draft = (value: string) =>
  firewallRuleDraft({ value, type: 'DNS', creator: 'ana', validUntil: '2026-12-31T00:00:00Z' });

describe('firewall-control', () => {
  it('creates a rule with filter.accountIds and the draft as data', async () => {
    const rule = await client().createFirewallRule(draft('evil.example.com'));
    expect(calls('POST').map((r) => r.body)).toEqual([
      { filter: { accountIds: [sim.defaultAccountId] }, data: draft('evil.example.com') },
    ]);
    expect(sim.firewallRules()).toEqual([
      expect.objectContaining({
        id: rule.id,
        name: 'S1 IOC Manager: evil.example.com',
        direction: 'outbound',
      }),
    ]);
  });

  it('lists by name__contains and ids, scoped, following the cursor with the filters', async () => {
    sim.putFirewallRules(Array.from({ length: 25 }, (_, i) => ({ ...draft(`d${i}.example.com`) })));
    sim.putFirewallRules([{ name: 'Someone else', remoteHosts: [{ type: 'fqdn', values: ['x.example'] }] }]);
    const names: string[] = [];
    for await (const page of client().listFirewallRules({ name__contains: ['S1 IOC Manager: '], limit: 10 }))
      names.push(...page.data.map((rule) => rule.name));
    expect(names).toHaveLength(25);
    const gets = calls('GET');
    expect(gets).toHaveLength(3);
    for (const [index, get] of gets.entries()) {
      expect(get.query).toMatchObject({
        name__contains: 'S1 IOC Manager: ',
        limit: '10',
        accountIds: sim.defaultAccountId,
      });
      expect(get.query.cursor === undefined).toBe(index === 0);
    }
    const [first] = sim.firewallRules();
    const page = await client().listFirewallRulesPage({ ids: [first?.id ?? ''] });
    expect(page.data.map((rule) => rule.id)).toEqual([first?.id]);
  });

  it('updates one rule by PUT firewall-control/{id} with {data: change}', async () => {
    const rule = await client().createFirewallRule(draft('evil.example.com'));
    const updated = await client().updateFirewallRule(rule.id, {
      description: 'new [expires 2027-01-01T00:00:00.000Z]',
    });
    expect(updated.description).toBe('new [expires 2027-01-01T00:00:00.000Z]');
    const put = calls('PUT');
    expect(put.map((r) => [r.path, r.body])).toEqual([
      [
        `/web/api/v2.1/firewall-control/${rule.id}`,
        { data: { description: 'new [expires 2027-01-01T00:00:00.000Z]' } },
      ],
    ]);
  });

  it('is not re-sent after a PUT whose answer was lost', async () => {
    const rule = await client().createFirewallRule(draft('evil.example.com'));
    sim.faults.add({ method: 'PUT', kind: 'reset', phase: 'after', times: 1 });
    expect((await caught(client().updateFirewallRule(rule.id, { status: 'Disabled' }))).kind).toBe('network');
    expect(calls('PUT')).toHaveLength(1);
  });

  it('deletes by filter.ids with the account scope', async () => {
    const [a, b, c] = sim.putFirewallRules([draft('a.example'), draft('b.example'), draft('c.example')]);
    expect(await client().deleteFirewallRules([a?.id ?? '', b?.id ?? ''])).toBe(2);
    expect(calls('DELETE').map((r) => r.body)).toEqual([
      { filter: { accountIds: [sim.defaultAccountId], ids: [a?.id, b?.id] } },
    ]);
    expect(sim.firewallRules().map((rule) => rule.id)).toEqual([c?.id]);
  });

  it.each([
    ['a console without the Control SKU', () => sim.configure({ firewallControl: false }), sim.defaultToken],
    ['a user without Firewall Control permissions', () => undefined, SIM_TOKENS.noFirewall],
  ])('%s: firewall-unavailable, saying what is needed', async (_, setup, token) => {
    setup();
    const error = await caught(client(token).createFirewallRule(draft('evil.example.com')));
    expect(error).toMatchObject({ kind: 'firewall-unavailable', status: 403 });
    expect(error.message).toMatch(
      /^Firewall Control is not available to this token: the console needs the Control SKU and the user Firewall Control permissions \(HTTP 403/,
    );
    expect(sim.firewallRules()).toEqual([]);
  });
});
