/**
 * Unblocking: Blocklist items by id (`data.ids`) and the extension's Firewall Control rules by id
 * (docs/blocking-api.md). As with IOC deletes (lib/writes/delete-iocs.ts), a DELETE is never re-sent blindly:
 * when its answer is lost the console is asked which of the ids are still there, and the analyst is
 * told exactly.
 */
import { logFor } from '../log/log';
import { chunk, type S1Client } from '../s1/client';
import { S1Error } from '../s1/errors';
import { errorText } from '../text/error-text';
import type { UnblockReport, UnblockTargets } from './actions';
import { isLostAnswer } from './write-outcome';

export interface UnblockDeps {
  client: Pick<
    S1Client,
    'deleteBlocklistItems' | 'listBlocklistPage' | 'deleteFirewallRules' | 'listFirewallRulesPage'
  >;
  /** Syncs the cache after something was removed. */
  afterWrite?: () => void;
}

const log = logFor('unblock');
/** Ids per GET when re-reading: 100 ids of 19 digits keep the URL near 2 kB. */
const IDS_PER_READ = 100;

interface Part {
  label: string;
  ids: string[];
  remove: (ids: string[]) => Promise<number>;
  stillThere: (ids: string[]) => Promise<string[]>;
}

interface PartResult {
  removed: number;
  /** Why this part failed, or what was left after a lost answer; null when all were removed. */
  problem: string | null;
  cause?: S1Error;
}

export async function unblock(deps: UnblockDeps, targets: UnblockTargets): Promise<UnblockReport> {
  const all: Part[] = [
    {
      label: 'Blocklist items',
      ids: [...new Set(targets.blocklistIds ?? [])],
      remove: (ids) => deps.client.deleteBlocklistItems(ids),
      stillThere: async (ids) =>
        (await deps.client.listBlocklistPage({ ids, limit: IDS_PER_READ })).data.map((item) => item.id),
    },
    {
      label: 'Firewall rules',
      ids: [...new Set(targets.firewallRuleIds ?? [])],
      remove: (ids) => deps.client.deleteFirewallRules(ids),
      stillThere: async (ids) =>
        (await deps.client.listFirewallRulesPage({ ids, limit: IDS_PER_READ })).data.map((rule) => rule.id),
    },
  ];
  const parts = all.filter((part) => part.ids.length > 0);

  const results: PartResult[] = [];
  for (const part of parts) results.push(await removePart(part));
  const removed = results.reduce((sum, r) => sum + r.removed, 0);
  if (removed > 0) deps.afterWrite?.();

  const said = parts.map((part, i) => {
    const r = results[i] as PartResult;
    const done = `${part.label}: ${r.removed} of ${part.ids.length} removed`;
    // The problem is a sentence of its own; its full stop would double the one after it.
    return r.problem ? `${done}. ${r.problem.replace(/\.$/, '')}` : done;
  });
  const message = said.length > 0 ? `Unblock: ${said.join('. ')}.` : 'Nothing to unblock.';
  const failed = results.find((r) => r.cause);
  if (failed?.cause) {
    log.error(message);
    // Nothing removed at all: a plain failure the caller shows as an error. Otherwise the report says
    // what was removed and what was not.
    if (removed === 0) throw new S1Error(failed.cause.kind, message, { status: failed.cause.status });
  } else {
    log.info(message);
  }
  return { removed, message };
}

async function removePart(part: Part): Promise<PartResult> {
  try {
    // The console's count: fewer than asked when some were already gone, and none of them is left.
    return { removed: await part.remove(part.ids), problem: null };
  } catch (error) {
    if (!(error instanceof S1Error)) throw error;
    const failure: S1Error = error;
    if (isLostAnswer(error)) return reread(part, error);
    return { removed: 0, problem: failure.message, cause: failure };
  }
}

/** The DELETE's answer was lost: find out which ids the console still holds rather than guess or re-send. */
async function reread(part: Part, cause: S1Error): Promise<PartResult> {
  const remaining = new Set<string>();
  try {
    for (const ids of chunk(part.ids, IDS_PER_READ))
      for (const id of await part.stillThere(ids)) remaining.add(id);
  } catch (readError) {
    return {
      removed: 0,
      problem: `The console did not confirm the delete (${cause.message}) and could not be asked what it holds (${errorText(readError)}); nothing was re-sent; sync to see the current state`,
      cause,
    };
  }
  const removed = part.ids.length - remaining.size;
  if (remaining.size === 0) return { removed, problem: null };
  return {
    removed,
    problem: `The console did not confirm the delete (${cause.message}); re-reading shows ${remaining.size} still there and nothing was re-sent; unblock them again to retry`,
    cause,
  };
}
