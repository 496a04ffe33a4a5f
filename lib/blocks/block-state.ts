/**
 * What the console does about one value, as the cached blocks say, in the words the analyst reads
 * (docs/blocking-api.md): "Detected · Blocked on Windows, macOS · Network-blocked".
 *
 * The vocabulary, in this order, joined by " · ":
 * - "Detected" / "Not detected": a Threat Intelligence IOC holds the value (the caller knows);
 * - "Blocked on <OS>, <OS>": the Blocklist holds the hash on those OSes (Windows, macOS, Linux order);
 * - "Network-blocked": an enabled Block rule of the extension names the value as a remote host;
 * - "Not blocked": neither of the two above.
 */
import { OS_LABELS, OS_TYPES, type OsType } from '../../config/os-types';
import type { BlocklistItem, FirewallRule } from '../s1/block-schemas';

export interface BlockState {
  /** The OSes the Blocklist stops the file on, in OS_TYPES order. */
  execution: OsType[];
  /** Whether a firewall rule blocks connections to the value. */
  network: boolean;
}

const fold = (text: string) => text.trim().toLowerCase();
const isOsType = (os: string): os is OsType => (OS_TYPES as readonly string[]).includes(os);

/**
 * A rule blocks unless it says otherwise: a disabled rule, or one that allows, stops nothing. The
 * console's case is not documented, so it is compared case-folded.
 */
const blocks = (rule: FirewallRule) =>
  (rule.action == null || fold(rule.action) === 'block') &&
  (rule.status == null || fold(rule.status) !== 'disabled');

/**
 * The block state of `value` (a hash, an IP, a CIDR or a domain) among `blocks`, case-folded. Items on
 * an OS the extension does not name (`windows_legacy`) are left out: "Blocked on Windows" would
 * overstate them.
 */
export function blockStateOf(
  value: string,
  found: { blocklist: readonly BlocklistItem[]; firewall: readonly FirewallRule[] },
): BlockState {
  const key = fold(value);
  const oses = new Set<string>();
  for (const item of found.blocklist) {
    const hashes = [item.value, item.sha256Value].filter((hash): hash is string => Boolean(hash)).map(fold);
    if (hashes.includes(key)) oses.add(item.osType);
  }
  const network = found.firewall.some(
    (rule) =>
      blocks(rule) && (rule.remoteHosts ?? []).some((host) => host.values.some((v) => fold(v) === key)),
  );
  return { execution: OS_TYPES.filter((os) => oses.has(os) && isOsType(os)), network };
}

/** The one line for an IOC's detail or a popup answer (see the file comment for the vocabulary). */
export function describeBlockState(detected: boolean, state: BlockState): string {
  const parts = [detected ? 'Detected' : 'Not detected'];
  const execution = OS_TYPES.filter((os) => state.execution.includes(os));
  if (execution.length > 0) parts.push(`Blocked on ${execution.map((os) => OS_LABELS[os]).join(', ')}`);
  if (state.network) parts.push('Network-blocked');
  if (execution.length === 0 && !state.network) parts.push('Not blocked');
  return parts.join(' · ');
}

/**
 * The line, when the Blocklist may not be known: until a sync has read it, or while the token may
 * not read it, "Not blocked" would be a guess, so the line says which instead.
 */
export function describeBlockStateAs(
  detected: boolean,
  state: BlockState,
  blocklistReadable: boolean | null,
): string {
  const described = describeBlockState(detected, state);
  if (blocklistReadable === true) return described;
  const unknown = blocklistReadable === false ? 'Blocklist not readable' : 'Blocklist not synced yet';
  return `${described.replace(/ · Not blocked$/, '')} · ${unknown}`;
}
