/**
 * The never-block list enforced around each write, against the in-process simulator: a listed value
 * gets its refusal in place and the console receives nothing for it, while the other rows go through
 * exactly as they would without the list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RowActionRequest } from '../../../lib/blocks/actions';
import { applyActions } from '../../../lib/blocks/apply-actions';
import { firewallRuleDraft, ruleExpiry, ruleNameFor } from '../../../lib/blocks/firewall-rules';
import { renewRulesById } from '../../../lib/blocks/renew-rules';
import { remainingActions } from '../../../lib/blocks/review-actions';
import { parseNeverBlock } from '../../../lib/iocs/never-block';
import { setLogSink } from '../../../lib/log/log';
import { FirewallRuleSchema } from '../../../lib/s1/block-schemas';
import type { IocDraft } from '../../../lib/s1/schemas';
import { guardActions, guardSubmit, guardUpdate, ruleRefusal } from '../../../lib/writes/never-block-guard';
import { submitIocs } from '../../../lib/writes/submit-iocs';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client } = useSimulatedConsole();
const logged: string[] = [];
beforeEach(() => {
  logged.length = 0;
  setLogSink((entry) => logged.push(entry.message));
});
afterEach(() => setLogSink(null));

const LISTED_HASH = 'a1b2c3'.padEnd(64, 'f');
const OTHER_HASH = 'abc123'.padEnd(64, '0');
const LIST = parseNeverBlock(['acme-corp[.]example', LISTED_HASH.toUpperCase(), '198.51.100.0/24']).entries;
const REFUSED = (entry: string) => `On the never-block list (${entry}): not sent.`;

const deps = () => ({ client: client(), afterWrite: () => undefined });
const draft = (value: string, type: IocDraft['type']): IocDraft => ({
  type,
  value,
  source: 'S1 IOC Manager',
  method: 'EQUALS',
  validUntil: '2026-12-20T00:00:00.000Z',
});
const held = () => sim.iocs(sim.defaultAccountId).map((ioc) => ioc.value);

describe('guardSubmit', () => {
  it('refuses the listed rows in place, stores the rest, and the console holds only the rest', async () => {
    const report = await guardSubmit(
      LIST,
      [
        draft('mail.acme-corp.example', 'DNS'),
        draft('evil.example.org', 'DNS'),
        draft('https://acme-corp.example/login', 'URL'),
        draft('198.51.100.9', 'IPV4'),
        draft(OTHER_HASH, 'SHA256'),
      ],
      (allowed) => submitIocs(deps(), allowed),
    );
    expect(report.outcomes.map((o) => ('message' in o ? o.message : o.status))).toEqual([
      REFUSED('acme-corp[.]example'),
      'stored',
      REFUSED('acme-corp[.]example'),
      REFUSED('198.51.100.0/24'),
      'stored',
    ]);
    expect(report.outcomes[0]?.status).toBe('rejected');
    expect(report.stored).toBe(2);
    expect(held().sort()).toEqual([OTHER_HASH, 'evil.example.org']);
    expect(logged).toContainEqual(
      'Detect: not sent, on the never-block list: mail.acme-corp.example (acme-corp[.]example), https://acme-corp.example/login (acme-corp[.]example), 198.51.100.9 (198.51.100.0/24).',
    );
  });

  it('sends nothing at all when every row is listed', async () => {
    sim.clearRequests();
    const report = await guardSubmit(LIST, [draft(LISTED_HASH, 'SHA256')], (allowed) =>
      submitIocs(deps(), allowed),
    );
    expect(report).toEqual({
      outcomes: [{ status: 'rejected', message: REFUSED(LISTED_HASH.toUpperCase()) }],
      stored: 0,
      stoppedBecause: null,
    });
    expect(sim.requests()).toEqual([]);
  });
});

describe('guardActions', () => {
  const rows: RowActionRequest[] = [
    {
      draft: draft(LISTED_HASH, 'SHA256'),
      detect: true,
      blockExecution: { osTypes: ['windows', 'linux'], allowNotRecommended: false },
    },
    { draft: draft('vpn.acme-corp.example', 'DNS'), detect: true, blockNetwork: true },
    { draft: draft('evil.example.org', 'DNS'), detect: true, blockNetwork: true },
    { draft: draft('198.51.100.20', 'IPV4'), detect: false, blockNetwork: true },
  ];

  it('refuses every action of a listed row (final), and Detect and the blocks run for the others', async () => {
    const report = await guardActions(LIST, rows, (allowed) => applyActions(deps(), allowed));
    const hash = REFUSED(LISTED_HASH.toUpperCase());
    const domain = REFUSED('acme-corp[.]example');
    expect(report.rows[0]).toEqual({
      detect: { status: 'rejected', message: hash },
      blockExecution: {
        windows: { status: 'refused', message: hash, final: true },
        linux: { status: 'refused', message: hash, final: true },
      },
    });
    expect(report.rows[1]).toEqual({
      detect: { status: 'rejected', message: domain },
      blockNetwork: { status: 'refused', message: domain, final: true },
    });
    expect(report.rows[2]?.detect?.status).toBe('stored');
    expect(report.rows[2]?.blockNetwork?.status).toBe('created');
    expect(report.rows[3]).toEqual({
      blockNetwork: { status: 'refused', message: REFUSED('198.51.100.0/24'), final: true },
    });
    expect(held()).toEqual(['evil.example.org']);
    expect(sim.blocklist()).toEqual([]);
    expect(sim.firewallRules().map((rule) => rule.name)).toEqual([ruleNameFor('evil.example.org')]);
  });

  it('a second press of Submit offers no block of a listed row again', async () => {
    const report = await guardActions(LIST, rows, (allowed) => applyActions(deps(), allowed));
    const again = remainingActions(
      { detect: false, blockExecution: ['windows', 'linux'], blockNetwork: null, allowNotRecommended: false },
      report.rows[0],
    );
    expect(again.blockExecution).toEqual([]);
    expect(
      remainingActions(
        { detect: false, blockExecution: null, blockNetwork: true, allowNotRecommended: false },
        report.rows[1],
      ).blockNetwork,
    ).toBe(false);
  });
});

describe('guardUpdate and ruleRefusal', () => {
  it('refuses an edit of a listed IOC before anything is sent', () => {
    expect(() => guardUpdate(LIST, draft('acme-corp.example', 'DNS'))).toThrow(
      REFUSED('acme-corp[.]example'),
    );
    expect(() => guardUpdate(LIST, draft('evil.example.org', 'DNS'))).not.toThrow();
  });

  it('does not renew a rule that blocks a listed value, and renews the others', async () => {
    const OLD = '2026-05-10T00:00:00.000Z';
    const own = (value: string, type: 'DNS' | 'IPV4') =>
      firewallRuleDraft({ value, type, creator: 'ana@acme.example', validUntil: OLD });
    const rules = sim
      .putFirewallRules([own('www.acme-corp.example', 'DNS'), own('evil.example.org', 'DNS')])
      .map((rule) => FirewallRuleSchema.parse(rule));
    const report = await renewRulesById(
      {
        ...deps(),
        cachedRules: async () => rules,
        refuse: ruleRefusal(LIST),
        now: () => new Date('2026-05-01T12:00:00.000Z'),
      },
      { ruleIds: rules.map((rule) => rule.id), days: 20 },
    );
    expect(report.renewed).toBe(1);
    expect(report.failed).toEqual([
      { value: 'www.acme-corp.example', message: REFUSED('acme-corp[.]example') },
    ]);
    const expiry = Object.fromEntries(sim.firewallRules().map((rule) => [rule.name, ruleExpiry(rule)]));
    expect(expiry[ruleNameFor('www.acme-corp.example')]).toBe(OLD);
    expect(expiry[ruleNameFor('evil.example.org')]).toBe('2026-05-21T12:00:00.000Z');
  });
});
