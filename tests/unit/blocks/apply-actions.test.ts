/**
 * Applying the review's per-row actions against the in-process simulator: Detect as one submission,
 * the blocks per row, a missing permission or Control SKU stopping only its own kind (Detect stored),
 * one afterWrite, and activity-log lines that say what happened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RowActionRequest } from '../../../lib/blocks/actions';
import { applyActions } from '../../../lib/blocks/apply-actions';
import { ruleNameFor } from '../../../lib/blocks/firewall-rules';
import { setLogSink } from '../../../lib/log/log';
import type { OsType } from '../../../lib/s1/block-schemas';
import type { IocDraft } from '../../../lib/s1/schemas';
import { SIM_TOKENS } from '../../simulator';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client: consoleClient } = useSimulatedConsole();
const logged: string[] = [];
beforeEach(() => {
  logged.length = 0;
  setLogSink((entry) => logged.push(entry.message));
});
afterEach(() => setLogSink(null));

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
const SHA256 = 'abc123'.padEnd(64, '0');
const draft = (value: string, type: IocDraft['type']): IocDraft => ({
  type,
  value,
  source: 'S1 IOC Manager',
  method: 'EQUALS',
  creator: 'ana@acme.example',
  validUntil: '2026-12-20T00:00:00.000Z',
});
const hashRow = (osTypes: OsType[] = ['windows', 'macos', 'linux']): RowActionRequest => ({
  draft: draft(SHA256, 'SHA256'),
  detect: true,
  blockExecution: { osTypes, allowNotRecommended: false },
});
const domainRow = (value = 'evil.example.com'): RowActionRequest => ({
  draft: draft(value, 'DNS'),
  detect: true,
  blockNetwork: true,
});

describe('applyActions', () => {
  it('a SHA256 with Detect and three OS: one TI IOC, three black_hash items with sha256Value', async () => {
    const report = await applyActions(deps(), [hashRow()]);
    expect(report.notes).toEqual([]);
    expect(report.rows[0]?.detect?.status).toBe('stored');
    expect(Object.values(report.rows[0]?.blockExecution ?? {}).map((o) => o?.status)).toEqual([
      'created',
      'created',
      'created',
    ]);
    expect(sim.iocs(sim.defaultAccountId).map((ioc) => [ioc.type, ioc.value])).toEqual([['SHA256', SHA256]]);
    expect(sim.blocklist().map((item) => [item.osType, item.sha256Value, item.value])).toEqual([
      ['windows', SHA256, undefined],
      ['macos', SHA256, undefined],
      ['linux', SHA256, undefined],
    ]);
    expect(writes).toBe(1);
    expect(logged).toContainEqual(
      expect.stringMatching(/^Detect: 1 of 1 stored as Threat Intelligence IOCs\.$/),
    );
    expect(logged).toContainEqual(`Block execution on Windows, macOS, Linux: 1 hash, 3 created. ${SHA256}`);
  });

  it('a row the console refuses: Detect stops its batch, says why in the notes, and the blocks still run', async () => {
    sim.configure({ refuseValues: ['refused.example.com'] });
    const report = await applyActions(deps(), [
      hashRow(),
      { draft: draft('refused.example.com', 'DNS'), detect: true },
    ]);
    expect(report.rows.map((row) => row.detect?.status)).toEqual(['not-sent', 'rejected']);
    expect(report.notes).toEqual([expect.stringMatching(/^SentinelOne refused 1 of the rows/)]);
    expect(sim.iocs(sim.defaultAccountId)).toEqual([]);
    expect(sim.blocklist()).toHaveLength(3);
  });

  it('the same again: blocks already there, nothing duplicated', async () => {
    await applyActions(deps(), [hashRow(), domainRow()]);
    const again = await applyActions(deps(), [hashRow(), domainRow()]);
    expect(Object.values(again.rows[0]?.blockExecution ?? {}).map((o) => o?.status)).toEqual([
      'already',
      'already',
      'already',
    ]);
    expect(again.rows[1]?.blockNetwork?.status).toBe('already');
    expect(sim.blocklist()).toHaveLength(3);
    expect(sim.firewallRules()).toHaveLength(1);
    expect(logged).toContainEqual('Block network: 1 value, 1 already there. evil.example.com');
  });

  it('a domain and an IP: one rule each, found again by name', async () => {
    const report = await applyActions(deps(), [
      domainRow(),
      { draft: draft('203.0.113.7', 'IPV4'), detect: false, blockNetwork: true },
    ]);
    expect(report.rows.map((row) => row.blockNetwork?.status)).toEqual(['created', 'created']);
    expect(report.rows[1]?.detect).toBeUndefined();
    expect(
      sim
        .firewallRules()
        .map((rule) => rule.name)
        .sort(),
    ).toEqual([ruleNameFor('203.0.113.7'), ruleNameFor('evil.example.com')].sort());
    expect(sim.iocs(sim.defaultAccountId).map((ioc) => ioc.value)).toEqual(['evil.example.com']);
  });

  it('MD5 and URL rows asking for a block are refused with the reason, Detect stored', async () => {
    const report = await applyActions(deps(), [
      {
        draft: draft('d41d8cd98f00b204e9800998ecf8427f', 'MD5'),
        detect: true,
        blockExecution: { osTypes: ['windows'], allowNotRecommended: false },
      },
      { draft: draft('https://evil.example.com/x', 'URL'), detect: true, blockNetwork: true },
    ]);
    expect(report.rows[0]?.blockExecution?.windows).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/cannot block an MD5/),
    });
    expect(report.rows[1]?.blockNetwork).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/a URL/),
    });
    expect(report.rows.map((row) => row.detect?.status)).toEqual(['stored', 'stored']);
    expect(sim.blocklist()).toEqual([]);
    expect(sim.firewallRules()).toEqual([]);
  });

  it('a token without the Blocklist permission: block refused, one note, Detect and Block network go through', async () => {
    const rows = [hashRow(), { ...hashRow(), draft: draft('abc124'.padEnd(64, '0'), 'SHA256') }, domainRow()];
    const report = await applyActions(deps(SIM_TOKENS.noBlocklist), rows);
    expect(report.notes).toEqual([
      expect.stringMatching(
        /^Block execution did not run: The token's user lacks the Blocklist permission.*Detect was not affected\.$/,
      ),
    ]);
    const execution = report.rows.slice(0, 2).flatMap((row) => Object.values(row.blockExecution ?? {}));
    expect(execution).toHaveLength(6);
    expect(execution.filter((o) => o?.status === 'refused').length).toBeGreaterThanOrEqual(1);
    expect(execution.every((o) => o?.status === 'refused' || o?.status === 'not-sent')).toBe(true);
    expect(execution.every((o) => /Blocklist permission/.test((o as { message: string }).message))).toBe(
      true,
    );
    expect(report.rows.map((row) => row.detect?.status)).toEqual(['stored', 'stored', 'stored']);
    expect(report.rows[2]?.blockNetwork?.status).toBe('created');
    expect(sim.iocs(sim.defaultAccountId)).toHaveLength(3);
    expect(sim.blocklist()).toEqual([]);
    // The 403 comes on validate, before any create is sent.
    expect(
      sim.requests().filter((r) => r.method === 'POST' && r.path === '/web/api/v2.1/restrictions'),
    ).toEqual([]);
    expect(writes).toBe(1);
  });

  it('no Control SKU: block network refused with the reason, Detect stored', async () => {
    sim.configure({ firewallControl: false });
    const report = await applyActions(deps(), [domainRow('a.example.com'), domainRow('b.example.com')]);
    expect(report.notes).toEqual([
      expect.stringMatching(
        /^Block network did not run: Firewall Control is not available to this token: the console needs the Control SKU/,
      ),
    ]);
    expect(report.rows.map((row) => row.blockNetwork?.status).sort()).toEqual(
      expect.arrayContaining(['refused']),
    );
    expect(
      report.rows.every((row) => /Control SKU/.test((row.blockNetwork as { message: string }).message)),
    ).toBe(true);
    expect(report.rows.map((row) => row.detect?.status)).toEqual(['stored', 'stored']);
    expect(sim.iocs(sim.defaultAccountId)).toHaveLength(2);
    expect(logged).toContainEqual(expect.stringMatching(/^Block network: 2 values, /));
  });

  it('a row whose 403 comes after others started stops the rest of its kind: later rows are not sent', async () => {
    sim.configure({ firewallControl: false });
    const rows = Array.from({ length: 10 }, (_, i) => ({ ...domainRow(`d${i}.example.com`), detect: false }));
    const report = await applyActions(deps(), rows);
    const statuses = report.rows.map((row) => row.blockNetwork?.status);
    // Four run at once; every later one is not sent at all.
    expect(statuses.filter((s) => s === 'refused').length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 'not-sent').length).toBeGreaterThanOrEqual(6);
    expect(
      sim.requests().filter((r) => r.path.startsWith('/web/api/v2.1/firewall-control')).length,
    ).toBeLessThanOrEqual(4);
    expect(writes).toBe(0);
  });

  it('nothing written, no afterWrite', async () => {
    sim.putBlocklist([{ osType: 'linux', sha256Value: SHA256 }]);
    const report = await applyActions(deps(), [{ ...hashRow(['linux']), detect: false }]);
    expect(report.rows[0]?.blockExecution?.linux?.status).toBe('already');
    expect(writes).toBe(0);
  });
});
