/**
 * Renewing Block network rules from the manager, against the in-process simulator: only the
 * extension's own rules, the expiry clamped per type, a lost answer re-read and never re-sent, a 403
 * stopping the rest, one afterWrite, the activity-log line, and the worker's payload checks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firewallRuleDraft, ruleExpiry, ruleNameFor } from '../../../lib/blocks/firewall-rules';
import {
  checkRenewRequest,
  defaultRenewDays,
  RENEW_CONCURRENCY,
  renewedUntil,
  renewRules,
  renewRulesById,
} from '../../../lib/blocks/renew-rules';
import { setLogSink } from '../../../lib/log/log';
import { type FirewallRule, FirewallRuleSchema } from '../../../lib/s1/block-schemas';
import { SIM_TOKENS } from '../../simulator';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client: consoleClient } = useSimulatedConsole();
const logged: Array<{ level: string; message: string }> = [];
beforeEach(() => {
  logged.length = 0;
  setLogSink((entry) => logged.push({ level: entry.level, message: entry.message }));
});
afterEach(() => setLogSink(null));

const NOW = new Date('2026-05-01T12:00:00.000Z');
const OLD = '2026-05-10T00:00:00.000Z';
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();

let afterWrites = 0;
const deps = (apiToken = sim.defaultToken) => {
  afterWrites = 0;
  return {
    client: consoleClient(apiToken),
    afterWrite: () => {
      afterWrites++;
    },
    now: () => NOW,
  };
};
const own = (value: string, type: 'DNS' | 'IPV4' | 'IPV6' = 'DNS') =>
  firewallRuleDraft({ value, type, creator: 'ana@acme.example', validUntil: OLD });
/** Planted rules as the client (and the cache) reads them. */
const plant = (...drafts: Array<Parameters<typeof sim.putFirewallRules>[0][number]>): FirewallRule[] =>
  sim.putFirewallRules(drafts).map((rule) => FirewallRuleSchema.parse(rule));
const puts = () =>
  sim.requests().filter((r) => r.method === 'PUT' && r.path.startsWith('/web/api/v2.1/firewall-control'));
const expiries = () => Object.fromEntries(sim.firewallRules().map((rule) => [rule.name, ruleExpiry(rule)]));

describe('renewRules', () => {
  it('renews the extension’s rules and leaves anyone else’s alone', async () => {
    const rules = plant(own('a.example'), own('b.example'), {
      name: 'SOC block c',
      description: `Hand-made [expires ${OLD}]`,
      remoteHosts: [{ type: 'fqdn', values: ['c.example'] }],
    });
    const report = await renewRules(deps(), rules, days(20));
    expect(report).toEqual({
      renewed: 2,
      failed: [{ value: 'c.example', message: 'Not a rule of the extension; left as it is.' }],
      message:
        'Block network renewed: 2 of 3 rules until 2026-05-21. Not renewed: c.example: Not a rule of the extension; left as it is.',
    });
    expect(expiries()).toEqual({
      [ruleNameFor('a.example')]: days(20),
      [ruleNameFor('b.example')]: days(20),
      'SOC block c': OLD,
    });
    expect(puts()).toHaveLength(2);
    // The creator stays in the description; only the expiry tag moved.
    expect(sim.firewallRules()[0]?.description).toBe(
      `Blocked by ana@acme.example with S1 IOC Manager. [expires ${days(20)}]`,
    );
    expect(afterWrites).toBe(1);
  });

  it('clamps each rule to its type’s limit: IPs 30 days, domains 180', async () => {
    const rules = plant(
      own('a.example'),
      own('203.0.113.7', 'IPV4'),
      own('2001:db8::7', 'IPV6'),
      // One of ours edited in the console so that it names no value the extension reads: the strictest limit.
      {
        name: ruleNameFor('edited'),
        description: `x [expires ${OLD}]`,
        remoteHosts: [{ type: 'range', values: ['10.0.0.1-10.0.0.9'] }],
      },
    );
    const report = await renewRules(deps(), rules, days(400));
    expect(expiries()).toEqual({
      [ruleNameFor('a.example')]: days(180),
      [ruleNameFor('203.0.113.7')]: days(30),
      [ruleNameFor('2001:db8::7')]: days(30),
      [ruleNameFor('edited')]: days(30),
    });
    expect(report.message).toBe(
      'Block network renewed: 4 rules: 1 until 2026-10-28 and 3 until 2026-05-31. IP rules last 30 days at most, as their Detect IOCs do.',
    );
  });

  it('within both limits the date is the one asked, and the message says no limit', async () => {
    const rules = plant(own('a.example'), own('203.0.113.7', 'IPV4'));
    const report = await renewRules(deps(), rules, days(20));
    expect(Object.values(expiries())).toEqual([days(20), days(20)]);
    expect(report.message).toBe('Block network renewed: 2 rules until 2026-05-21.');
  });

  it('a rule that already ends then is not sent again', async () => {
    const rules = plant(
      firewallRuleDraft({ value: 'a.example', type: 'DNS', creator: 'x', validUntil: days(20) }),
    );
    sim.clearRequests();
    expect((await renewRules(deps(), rules, days(20))).renewed).toBe(1);
    expect(sim.requests()).toEqual([]);
  });

  it('a lost answer after the write: re-read by id, renewed, not re-sent', async () => {
    const rules = plant(own('a.example'));
    sim.faults.add({ method: 'PUT', kind: 'status', status: 500, phase: 'after', times: 1 });
    const report = await renewRules(deps(), rules, days(20));
    expect(report).toMatchObject({ renewed: 1, failed: [] });
    expect(puts()).toHaveLength(1);
    expect(expiries()[ruleNameFor('a.example')]).toBe(days(20));
    expect(afterWrites).toBe(1);
  });

  it('a lost answer before the write: reported not confirmed, not re-sent, the rule as it was', async () => {
    const rules = plant(own('a.example'));
    sim.faults.add({ method: 'PUT', kind: 'reset', phase: 'before', times: 1 });
    const report = await renewRules(deps(), rules, days(20));
    expect(report.renewed).toBe(0);
    expect(report.failed).toEqual([
      {
        value: 'a.example',
        message: expect.stringMatching(/^Not confirmed: .*Nothing was re-sent; renew again to retry\.$/),
      },
    ]);
    expect(puts()).toHaveLength(1);
    expect(expiries()[ruleNameFor('a.example')]).toBe(OLD);
    expect(afterWrites).toBe(0);
  });

  it.each([
    ['no Control SKU', () => sim.configure({ firewallControl: false }), () => sim.defaultToken],
    ['no Firewall Control permission', () => undefined, () => SIM_TOKENS.noFirewall],
  ])('%s: the 403 stops the rest with the Firewall Control message', async (_, setup, token) => {
    const rules = plant(...Array.from({ length: 10 }, (_, i) => own(`r${i}.example`)));
    setup();
    const report = await renewRules(deps(token()), rules, days(20));
    expect(report.renewed).toBe(0);
    expect(report.failed).toHaveLength(10);
    // Only the first few were in flight when the refusal came; the rest were never sent.
    expect(puts()).toHaveLength(RENEW_CONCURRENCY);
    expect(report.failed.at(-1)?.message).toMatch(/^Not sent: Firewall Control is not available/);
    expect(report.message).toMatch(
      /^Block network renewed: 0 of 10 rules\. Stopped: Firewall Control is not available to this token/,
    );
    expect(Object.values(expiries()).every((expiry) => expiry === OLD)).toBe(true);
    expect(afterWrites).toBe(0);
  });

  it('says in the activity log what was renewed until when, and what was not', async () => {
    const rules = plant(own('a.example'), own('b.example'), own('c.example'), own('203.0.113.7', 'IPV4'));
    sim.faults.add({ method: 'PUT', path: rules[3]?.id, kind: 'status', status: 503, phase: 'before' });
    await renewRules(deps(), rules, days(20));
    expect(logged).toEqual([
      {
        level: 'warn',
        message: expect.stringMatching(
          /^Block network renewed until 2026-05-21: 3 rules: a\.example, b\.example, c\.example; Block network not renewed: 1 rule: 203\.0\.113\.7 \(Not confirmed: /,
        ),
      },
    ]);
  });

  it('nothing asked: nothing sent, no sync', async () => {
    expect(await renewRules(deps(), [], days(20))).toEqual({
      renewed: 0,
      failed: [],
      message: 'Nothing to renew.',
    });
    expect(sim.requests()).toEqual([]);
    expect(afterWrites).toBe(0);
  });
});

describe('renewRulesById (the worker’s message)', () => {
  it('finds the rules in the cache by id and renews them for the days asked', async () => {
    const rules = plant(own('a.example'), own('203.0.113.7', 'IPV4'));
    const report = await renewRulesById(
      { ...deps(), cachedRules: async () => rules },
      { ruleIds: [rules[1]?.id, 'gone-1'], days: 45 },
    );
    expect(report.renewed).toBe(1);
    expect(report.failed).toEqual([
      {
        value: 'rule gone-1',
        message: 'No longer in the local cache (removed on the console since); nothing sent.',
      },
    ]);
    expect(expiries()).toEqual({ [ruleNameFor('a.example')]: OLD, [ruleNameFor('203.0.113.7')]: days(30) });
  });

  it.each<[string, unknown, RegExp]>([
    ['no payload', undefined, /ids of the Block network rules/],
    ['ids not a list', { ruleIds: 'r1', days: 20 }, /ids of the Block network rules/],
    ['an id not a string', { ruleIds: ['r1', 2], days: 20 }, /ids of the Block network rules/],
    ['an empty id', { ruleIds: [''], days: 20 }, /ids of the Block network rules/],
    ['no ids', { ruleIds: [], days: 20 }, /^Choose at least one Block network rule to renew\.$/],
    ['days missing', { ruleIds: ['r1'] }, /whole number of days from 1 to 180; got undefined\.$/],
    ['days as text', { ruleIds: ['r1'], days: '20' }, /got string\.$/],
    ['days 0', { ruleIds: ['r1'], days: 0 }, /got 0\.$/],
    ['days 181', { ruleIds: ['r1'], days: 181 }, /got 181\.$/],
    ['days not whole', { ruleIds: ['r1'], days: 1.5 }, /got 1\.5\.$/],
    ['days NaN', { ruleIds: ['r1'], days: Number.NaN }, /got NaN\.$/],
  ])('refuses %s with a clear message, sending nothing', async (_, payload, message) => {
    expect(() => checkRenewRequest(payload)).toThrow(message);
    await expect(
      renewRulesById({ ...deps(), cachedRules: async () => plant(own('a.example')) }, payload),
    ).rejects.toThrow(message);
    expect(puts()).toEqual([]);
  });

  it.each([1, 180])('accepts %i days', (n) => {
    expect(checkRenewRequest({ ruleIds: ['r1'], days: n })).toEqual({ ruleIds: ['r1'], days: n });
  });
});

describe('the dialog’s preview and starting days', () => {
  it.each<[string, number, string]>([
    ['DNS', 20, days(20)],
    ['DNS', 180, days(180)],
    ['IPV4', 20, days(20)],
    ['IPV4', 31, days(30)],
    ['IPV6', 90, days(30)],
    // A rule the extension cannot read a value from: the strictest limit, as renewRules applies.
    ['range', 90, days(30)],
  ])('%s for %i days: until %s', (type, n, until) => {
    expect(renewedUntil(type, n, NOW)).toBe(until);
  });

  const settings = { DNS: 90, IPV4: 14, IPV6: 14, MD5: 30, SHA1: 30, SHA256: 30, URL: 30 };
  it.each<[string[], number]>([
    [['DNS'], 90],
    [['IPV4', 'IPV6'], 14],
    // Mixed: the longest; the IPs stop at their own limit.
    [['IPV4', 'DNS'], 90],
    [['range'], 14],
  ])('%j starts at %i days', (types, n) => {
    expect(defaultRenewDays(types, settings)).toBe(n);
  });

  it('never starts above what a rule may be renewed for', () => {
    expect(defaultRenewDays(['DNS'], { ...settings, DNS: 400 })).toBe(180);
  });
});
