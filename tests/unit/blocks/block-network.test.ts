/**
 * Block network against the in-process simulator: one rule per value found again by its name, renewed
 * rather than duplicated, a lost answer re-read by name and never re-sent, the Firewall Control 403,
 * and the sync's renew and expiry sweep.
 */
import { describe, expect, it } from 'vitest';
import { blockNetwork, removeExpiredRules, renewFirewallRule } from '../../../lib/blocks/block-network';
import { firewallRuleDraft, ruleExpiry, ruleNameFor } from '../../../lib/blocks/firewall-rules';
import { FirewallRuleSchema } from '../../../lib/s1/block-schemas';
import { SIM_TOKENS } from '../../simulator';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client: consoleClient } = useSimulatedConsole();

const deps = (apiToken = sim.defaultToken) => ({
  client: consoleClient(apiToken),
});
const UNTIL = '2026-12-31T00:00:00.000Z';
const request = (value = 'evil.example.com', type: 'DNS' | 'IPV4' | 'IPV6' = 'DNS', validUntil = UNTIL) => ({
  value,
  type,
  creator: 'ana@acme.example',
  validUntil,
});
/** A planted rule as the client reads it (the simulator's own type has no index signature). */
const asRead = (rule: unknown) => FirewallRuleSchema.parse(rule);
const writes = (method: string) =>
  sim.requests().filter((r) => r.method === method && r.path.startsWith('/web/api/v2.1/firewall-control'));

describe('blockNetwork', () => {
  it.each([
    ['a domain', request('evil.example.com', 'DNS'), { type: 'fqdn', values: ['evil.example.com'] }],
    ['an IPv4', request('203.0.113.7', 'IPV4'), { type: 'addresses', values: ['203.0.113.7'] }],
    ['a CIDR', request('203.0.113.0/24', 'IPV4'), { type: 'cidr', values: ['203.0.113.0/24'] }],
    ['an IPv6', request('2001:db8::7', 'IPV6'), { type: 'addresses', values: ['2001:db8::7'] }],
  ])('%s: looks for its rule by name, then creates one outbound Block rule', async (_, input, host) => {
    const outcome = await blockNetwork(deps(), input);
    const [rule] = sim.firewallRules();
    expect(outcome).toEqual({ status: 'created', id: rule?.id });
    expect(writes('GET')[0]?.query).toMatchObject({ name__contains: ruleNameFor(input.value) });
    expect(writes('POST').map((r) => r.body)).toEqual([
      {
        filter: { accountIds: [sim.defaultAccountId] },
        data: {
          name: ruleNameFor(input.value),
          description: `Blocked by ana@acme.example with S1 IOC Manager. [expires ${UNTIL}]`,
          action: 'Block',
          status: 'Enabled',
          direction: 'outbound',
          osTypes: ['windows', 'macos', 'linux'],
          remoteHosts: [host],
        },
      },
    ]);
  });

  it('the same again: already blocked, nothing sent, one rule', async () => {
    await blockNetwork(deps(), request());
    sim.clearRequests();
    expect(await blockNetwork(deps(), request())).toEqual({
      status: 'already',
      message: 'Already blocked until 2026-12-31.',
    });
    expect(writes('POST')).toEqual([]);
    expect(writes('PUT')).toEqual([]);
    expect(sim.firewallRules()).toHaveLength(1);
  });

  it('the same for longer: kept until the later date by renewing the one rule', async () => {
    await blockNetwork(deps(), request());
    const later = '2027-03-01T00:00:00.000Z';
    expect(await blockNetwork(deps(), request('evil.example.com', 'DNS', later))).toEqual({
      status: 'already',
      message: 'Already blocked; kept until 2027-03-01.',
    });
    const rules = sim.firewallRules();
    expect(rules).toHaveLength(1);
    expect(ruleExpiry(rules[0] ?? { description: null })).toBe(later);
    expect(rules[0]?.description).toMatch(/^Blocked by ana@acme\.example with S1 IOC Manager\./);
    expect(writes('PUT').map((r) => r.path)).toEqual([`/web/api/v2.1/firewall-control/${rules[0]?.id}`]);
  });

  it('a rule for a longer value that contains this one is not taken for it', async () => {
    sim.putFirewallRules([firewallRuleDraft({ ...request('10.0.0.10', 'IPV4') })]);
    expect((await blockNetwork(deps(), request('10.0.0.1', 'IPV4'))).status).toBe('created');
    expect(sim.firewallRules().map((rule) => rule.name)).toEqual([
      ruleNameFor('10.0.0.10'),
      ruleNameFor('10.0.0.1'),
    ]);
  });

  it('a rule of someone else for the same value is left alone; the extension adds its own', async () => {
    sim.putFirewallRules([
      { name: 'SOC block evil', remoteHosts: [{ type: 'fqdn', values: ['evil.example.com'] }] },
    ]);
    expect((await blockNetwork(deps(), request())).status).toBe('created');
    expect(sim.firewallRules()).toHaveLength(2);
  });

  it.each([
    ['a 500 after the commit', 'created', { kind: 'status', status: 500, phase: 'after' } as const],
    ['a reset after the commit', 'created', { kind: 'reset', phase: 'after' } as const],
    ['a reset before the commit', 'not-sent', { kind: 'reset', phase: 'before' } as const],
  ])('%s: re-read by name, reported %s, never re-sent', async (_, status, fault) => {
    sim.faults.add({ method: 'POST', path: 'firewall-control', times: 1, ...fault });
    const outcome = await blockNetwork(deps(), request());
    expect(outcome.status).toBe(status);
    if (status === 'created') expect(outcome).toEqual({ status, id: sim.firewallRules()[0]?.id });
    else
      expect(outcome).toMatchObject({
        message: expect.stringMatching(/shows no rule for evil\.example\.com\. Nothing was re-sent/),
      });
    expect(writes('POST')).toHaveLength(1);
    expect(writes('GET').map((r) => r.query.name__contains)).toEqual([
      ruleNameFor('evil.example.com'),
      ruleNameFor('evil.example.com'),
    ]);
    expect(sim.firewallRules()).toHaveLength(status === 'created' ? 1 : 0);
  });

  it.each([
    ['no Control SKU', () => sim.configure({ firewallControl: false }), () => sim.defaultToken],
    ['no Firewall Control permission', () => undefined, () => SIM_TOKENS.noFirewall],
  ])('%s: refused with the reason, nothing written', async (_, setup, token) => {
    setup();
    expect(await blockNetwork(deps(token()), request())).toEqual({
      status: 'refused',
      message: expect.stringMatching(
        /^Firewall Control is not available to this token: the console needs the Control SKU/,
      ),
    });
    expect(sim.firewallRules()).toEqual([]);
  });
});

describe('renewFirewallRule', () => {
  it('moves the expiry and keeps the rest of the description', async () => {
    const [rule] = sim.putFirewallRules([firewallRuleDraft({ ...request(), note: 'Wave 12' })]);
    if (!rule) throw new Error('not planted');
    const renewed = await renewFirewallRule(deps(), asRead(rule), '2027-01-15T00:00:00Z');
    expect(renewed.description).toBe(
      'Blocked by ana@acme.example with S1 IOC Manager. Wave 12 [expires 2027-01-15T00:00:00.000Z]',
    );
    expect(sim.firewallRules()[0]?.description).toBe(renewed.description);
  });

  it('a lost answer is re-read by id and not re-sent', async () => {
    const [rule] = sim.putFirewallRules([firewallRuleDraft(request())]);
    if (!rule) throw new Error('not planted');
    sim.faults.add({ method: 'PUT', kind: 'status', status: 500, phase: 'after', times: 1 });
    const renewed = await renewFirewallRule(deps(), asRead(rule), '2027-01-15T00:00:00Z');
    expect(ruleExpiry(renewed)).toBe('2027-01-15T00:00:00.000Z');
    expect(writes('PUT')).toHaveLength(1);
    expect(writes('GET')[0]?.query.ids).toBe(rule.id);
  });

  it('a lost answer where the console did not change the rule throws, and is not re-sent', async () => {
    const [rule] = sim.putFirewallRules([firewallRuleDraft(request())]);
    if (!rule) throw new Error('not planted');
    sim.faults.add({ method: 'PUT', kind: 'status', status: 503, phase: 'before', times: 1 });
    await expect(renewFirewallRule(deps(), asRead(rule), '2027-01-15T00:00:00Z')).rejects.toMatchObject({
      kind: 'server',
    });
    expect(writes('PUT')).toHaveLength(1);
  });
});

describe('removeExpiredRules', () => {
  const plant = () =>
    sim
      .putFirewallRules([
        firewallRuleDraft(request('old.example.com', 'DNS', '2026-01-01T00:00:00Z')),
        firewallRuleDraft(request('new.example.com', 'DNS', '2027-01-01T00:00:00Z')),
        // Someone else's rule with an expiry-looking description, and one of ours without a readable one.
        {
          name: 'Hand-made',
          description: '[expires 2020-01-01T00:00:00.000Z]',
          remoteHosts: [{ type: 'fqdn', values: ['x.example'] }],
        },
        {
          name: ruleNameFor('undated.example.com'),
          description: 'edited by hand',
          remoteHosts: [{ type: 'fqdn', values: ['undated.example.com'] }],
        },
      ])
      .map(asRead);

  it('deletes only the extension’s rules whose expiry has passed', async () => {
    const rules = plant();
    const { removed } = await removeExpiredRules(deps(), rules, new Date('2026-06-01T00:00:00Z'));
    expect(removed.map((rule) => rule.name)).toEqual([ruleNameFor('old.example.com')]);
    expect(sim.firewallRules().map((rule) => rule.name)).toEqual([
      ruleNameFor('new.example.com'),
      'Hand-made',
      ruleNameFor('undated.example.com'),
    ]);
  });

  it('sends nothing when nothing has expired', async () => {
    const rules = plant();
    sim.clearRequests();
    expect(await removeExpiredRules(deps(), rules, Date.parse('2025-01-01T00:00:00Z'))).toEqual({
      removed: [],
    });
    expect(sim.requests()).toEqual([]);
  });

  it('a lost answer is re-read by id, not re-sent', async () => {
    const rules = plant();
    sim.faults.add({ method: 'DELETE', kind: 'reset', phase: 'after', times: 1 });
    const { removed } = await removeExpiredRules(deps(), rules, new Date('2026-06-01T00:00:00Z'));
    expect(removed.map((rule) => rule.name)).toEqual([ruleNameFor('old.example.com')]);
    expect(writes('DELETE')).toHaveLength(1);
    expect(sim.firewallRules()).toHaveLength(3);
  });
});
