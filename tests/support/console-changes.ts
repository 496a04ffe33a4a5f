/** Changes made on the console by someone else while the extension runs (e2e, chaos and unit tests). */
import { createS1Client } from '../../lib/s1/client';
import type { IocDraft } from '../../lib/s1/schemas';
import type { Simulator } from '../simulator';
/**
 * Another console user's changes: `created` new IOCs, `updated` renamed, `deleted` removed, picked
 * by `round` so that successive rounds touch different IOCs. The simulator's injected faults are
 * paused meanwhile: they are aimed at the extension, not at this user.
 */
export async function changeOnConsole(
  sim: Simulator,
  consoleUrl: string,
  change: { created: number; updated: number; deleted: number; round: number },
): Promise<void> {
  const api = createS1Client(
    { consoleUrl, apiToken: sim.defaultToken, accountId: sim.defaultAccountId },
    { sleep: async () => undefined },
  );
  // The simulator's certificate is self-signed; only this test process trusts it.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const faults = sim.faults.list();
  sim.faults.clear();
  // The console's clock moves on between rounds, as a real one does.
  sim.clock.advance(60_000);
  try {
    const held = sim.iocs(sim.defaultAccountId);
    const start = change.round * (change.updated + change.deleted);
    const renamed = held.slice(start, start + change.updated);
    const removed = held.slice(start + change.updated, start + change.updated + change.deleted);
    const drafts: IocDraft[] = [
      ...renamed.map((ioc) => ({
        type: ioc.type as IocDraft['type'],
        value: ioc.value,
        source: ioc.source,
        method: 'EQUALS' as const,
        name: `renamed in round ${change.round}`,
      })),
      ...Array.from({ length: change.created }, (_, i) => ({
        type: 'DNS' as const,
        value: `round-${change.round}-new-${i}.example.org`,
        source: 'Chaos feed',
        method: 'EQUALS' as const,
        name: `created in round ${change.round}`,
      })),
    ];
    if (drafts.length > 0) await api.createIocs(drafts);
    if (removed.length > 0) await api.deleteIocs(removed.map((ioc) => ioc.uuid));
  } finally {
    for (const { id: _id, ...rule } of faults) sim.faults.add(rule);
  }
}
