/**
 * Changes the console behind the extension's back, as another console user would: IOCs through the
 * real client, Blocklist items and Firewall Control rules straight into the simulator.
 */
import { createS1Client } from '../../../lib/s1/client';
import type { IocDraft } from '../../../lib/s1/schemas';
import type { BlocklistItem, FirewallRule, Simulator } from '../../simulator';

function consoleUser(sim: Simulator, simPort: number) {
  // The simulator's certificate is self-signed; only this test process trusts it.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  return createS1Client({
    consoleUrl: `https://127.0.0.1:${simPort}`,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
}

export async function createOnConsole(sim: Simulator, simPort: number, drafts: IocDraft[]): Promise<void> {
  await consoleUser(sim, simPort).createIocs(drafts);
  sim.clearRequests();
}

export async function deleteOnConsole(sim: Simulator, simPort: number, uuids: string[]): Promise<void> {
  await consoleUser(sim, simPort).deleteIocs(uuids);
  sim.clearRequests();
}

/*
 * The Blocklist and Firewall Control as another console user changes them: straight into the
 * simulator (the items carry that user's name, not the extension's), so a sync has something to find.
 */

/** Adds Blocklist items (one hash on one OS each), or replaces the items whose id is given. */
export function blockOnConsole(sim: Simulator, items: Array<Partial<BlocklistItem>>): BlocklistItem[] {
  return sim.putBlocklist(items);
}

export function unblockOnConsole(sim: Simulator, ids: string[]): number {
  return sim.removeBlocklist(ids);
}

/** Adds Firewall Control rules (defaults: Block, Enabled, every OS), or replaces the rules whose id is given. */
export function firewallRuleOnConsole(sim: Simulator, rules: Array<Partial<FirewallRule>>): FirewallRule[] {
  return sim.putFirewallRules(rules);
}

export function removeFirewallRuleOnConsole(sim: Simulator, ids: string[]): number {
  return sim.removeFirewallRules(ids);
}

/** What the console holds now, for assertions. */
export const consoleBlocklist = (sim: Simulator): BlocklistItem[] => sim.blocklist();
export const consoleFirewallRules = (sim: Simulator): FirewallRule[] => sim.firewallRules();

/** A console without the Control SKU answers 403 to every firewall-control call. */
export function setFirewallControl(sim: Simulator, available: boolean): void {
  sim.configure({ firewallControl: available });
}

/** Hashes restrictions/validate calls "Not allowed" (also refused on create) or "Not recommended". */
export function setHashVerdicts(
  sim: Simulator,
  verdicts: { notAllowed?: string[]; notRecommended?: string[] },
): void {
  sim.configure({
    notAllowedHashes: (verdicts.notAllowed ?? []).map((h) => h.toLowerCase()),
    notRecommendedHashes: (verdicts.notRecommended ?? []).map((h) => h.toLowerCase()),
  });
}
