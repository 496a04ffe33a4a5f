/**
 * Unblocking against the in-process simulator: Blocklist items by `data.ids`, rules by `filter.ids`,
 * and a DELETE whose answer was lost re-read by ids, never re-sent.
 */
import { describe, expect, it } from 'vitest';
import { firewallRuleDraft } from '../../../lib/blocks/firewall-rules';
import { unblock } from '../../../lib/blocks/unblock';
import { SIM_TOKENS } from '../../simulator';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client: consoleClient } = useSimulatedConsole();

let writes = 0;
const deps = (apiToken = sim.defaultToken) => {
  writes = 0;
  return {
    client: consoleClient(apiToken),
    afterWrite: () => {
      writes++;
    },
  };
};
const deletes = () => sim.requests().filter((r) => r.method === 'DELETE');
const SHA256 = 'feed'.padEnd(64, '9');

function plant() {
  const items = sim.putBlocklist(
    (['windows', 'macos', 'linux'] as const).map((osType) => ({ osType, sha256Value: SHA256 })),
  );
  const rules = sim.putFirewallRules([
    firewallRuleDraft({
      value: 'evil.example.com',
      type: 'DNS',
      creator: 'ana',
      validUntil: '2026-12-31T00:00:00Z',
    }),
    firewallRuleDraft({
      value: '203.0.113.7',
      type: 'IPV4',
      creator: 'ana',
      validUntil: '2026-12-31T00:00:00Z',
    }),
  ]);
  return { itemIds: items.map((i) => i.id), ruleIds: rules.map((r) => r.id) };
}

describe('unblock', () => {
  it('deletes Blocklist items by data.ids and rules by filter.ids, and says so', async () => {
    const { itemIds, ruleIds } = plant();
    const report = await unblock(deps(), {
      blocklistIds: itemIds.slice(0, 2),
      firewallRuleIds: ruleIds.slice(0, 1),
    });
    expect(report).toEqual({
      removed: 3,
      message: 'Unblock: Blocklist items: 2 of 2 removed. Firewall rules: 1 of 1 removed.',
    });
    expect(deletes().map((r) => [r.path, r.body])).toEqual([
      ['/web/api/v2.1/restrictions', { data: { type: 'black_hash', ids: itemIds.slice(0, 2) } }],
      [
        '/web/api/v2.1/firewall-control',
        { filter: { accountIds: [sim.defaultAccountId], ids: ruleIds.slice(0, 1) } },
      ],
    ]);
    expect(sim.blocklist().map((i) => i.id)).toEqual(itemIds.slice(2));
    expect(sim.firewallRules().map((r) => r.id)).toEqual(ruleIds.slice(1));
    expect(writes).toBe(1);
  });

  it('nothing asked: nothing sent', async () => {
    expect(await unblock(deps(), {})).toEqual({ removed: 0, message: 'Nothing to unblock.' });
    expect(sim.requests()).toEqual([]);
    expect(writes).toBe(0);
  });

  it.each([
    ['Blocklist', 'restrictions', { kind: 'status', status: 500, phase: 'after' } as const],
    ['firewall', 'firewall-control', { kind: 'reset', phase: 'after' } as const],
  ])('%s: a DELETE whose answer was lost is re-read by ids and not re-sent', async (_, path, fault) => {
    const { itemIds, ruleIds } = plant();
    sim.faults.add({ method: 'DELETE', path, times: 1, ...fault });
    const report = await unblock(deps(), { blocklistIds: itemIds, firewallRuleIds: ruleIds });
    expect(report.removed).toBe(5);
    expect(deletes()).toHaveLength(2);
    const reread = sim.requests().filter((r) => r.method === 'GET');
    expect(reread).toHaveLength(1);
    expect(reread[0]?.path).toBe(`/web/api/v2.1/${path}`);
    expect(reread[0]?.query.ids).toBe((path === 'restrictions' ? itemIds : ruleIds).join(','));
    expect(sim.blocklist()).toEqual([]);
    expect(sim.firewallRules()).toEqual([]);
  });

  it('a lost answer before the console deleted: says they are still there, nothing re-sent', async () => {
    const { itemIds } = plant();
    sim.faults.add({
      method: 'DELETE',
      path: 'restrictions',
      kind: 'status',
      status: 503,
      phase: 'before',
      times: 1,
    });
    await expect(unblock(deps(), { blocklistIds: itemIds })).rejects.toMatchObject({
      kind: 'server',
      message: expect.stringMatching(
        /^Unblock: Blocklist items: 0 of 3 removed\. The console did not confirm the delete \(.*\); re-reading shows 3 still there and nothing was re-sent; unblock them again to retry\.$/,
      ),
    });
    expect(deletes()).toHaveLength(1);
    expect(sim.blocklist()).toHaveLength(3);
    expect(writes).toBe(0);
  });

  it('a token without the Blocklist permission: the rules still go, the report says why the items did not', async () => {
    const { itemIds, ruleIds } = plant();
    const report = await unblock(deps(SIM_TOKENS.noBlocklist), {
      blocklistIds: itemIds,
      firewallRuleIds: ruleIds,
    });
    expect(report.removed).toBe(2);
    expect(report.message).toMatch(
      /^Unblock: Blocklist items: 0 of 3 removed\. The token's user lacks the Blocklist permission.*\)\. Firewall rules: 2 of 2 removed\.$/,
    );
    expect(sim.blocklist()).toHaveLength(3);
    expect(sim.firewallRules()).toEqual([]);
    expect(writes).toBe(1);
  });
});
