/**
 * What the console does with each write, as the review offers it per row (docs/blocking-api.md):
 * - **Detect**: a Threat Intelligence IOC; the console raises a threat when an endpoint sees the value.
 * - **Block execution**: Blocklist items (SHA1/SHA256 only), one per OS; the agent stops the file.
 * - **Block network**: a Firewall Control rule (IPs, CIDRs, domains); needs the Control SKU.
 * MD5 hashes and URLs can only be detected: SentinelOne has no block for them.
 */
import type { OsType } from '../s1/block-schemas';
import type { IocDraft } from '../s1/schemas';
import type { RowOutcome } from '../writes/submit-iocs';

export type ActionKind = 'detect' | 'blockExecution' | 'blockNetwork';

export const ACTION_LABELS: Readonly<Record<ActionKind, string>> = {
  detect: 'Detect',
  blockExecution: 'Block execution',
  blockNetwork: 'Block network',
};

/** What one reviewed row asks the worker to do. A field left out is an action not chosen. */
export interface RowActionRequest {
  /** The TI IOC, sent when `detect` is true; also names the value, type and validity of the blocks. */
  draft: IocDraft;
  detect: boolean;
  /** SHA1/SHA256 only: the OSes to add the hash to the Blocklist on. */
  blockExecution?: {
    osTypes: OsType[];
    /** The analyst ticked "block anyway" after SentinelOne called the hash Not recommended. */
    allowNotRecommended: boolean;
  };
  /** IPv4/IPv6/CIDR/domain only: one outbound Firewall Control rule, kept until the draft's validUntil. */
  blockNetwork?: boolean;
}

/** What became of one block write. */
export type BlockOutcome =
  | { status: 'created'; id: string }
  | { status: 'already'; message: string }
  /** SentinelOne advises against blocking this hash; sent only once the analyst ticks "block anyway". */
  | { status: 'not-recommended'; message: string }
  /** `final`: SentinelOne will never take it (a Not allowed hash, an MD5), so Submit does not offer it again. */
  | { status: 'refused'; message: string; final?: true }
  | { status: 'not-sent'; message: string }
  | { status: 'unknown'; message: string };

export interface RowActionReport {
  detect?: RowOutcome;
  blockExecution?: Partial<Record<OsType, BlockOutcome>>;
  blockNetwork?: BlockOutcome;
}

export interface ActionsReport {
  rows: RowActionReport[];
  /** One line per action kind that could not run at all (a missing permission, no Control SKU). */
  notes: string[];
}

/** Blocks to lift: Blocklist items by id (one per hash and OS), the extension's firewall rules by id. */
export interface UnblockTargets {
  blocklistIds?: string[];
  firewallRuleIds?: string[];
}

export interface UnblockReport {
  removed: number;
  /** What happened, in a sentence for the analyst. */
  message: string;
}
