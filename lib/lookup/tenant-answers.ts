/**
 * The popup's answer across profiles: each value looked up in every profile's cache, told as one card
 * ("In 2 of 3 tenants: Acme, Globex" / "Not in Initech") with each tenant's own facts under it.
 *
 * A tenant whose cache cannot answer "absent" truthfully (never synced, first sync under way, not
 * connected, cache unreadable) is neither counted in nor out: it says why instead ("Globex: not
 * synced yet"). A value its cache holds is in, whatever the sync says: a partial cache does not lie
 * about what it has.
 */
import type { BlockState } from '../blocks/block-state';
import type { LookupAnswer } from '../iocs/lookup-text';
import type { ProfileColour } from '../profiles/profile-list';
import { valueKey } from '../store/ioc-chunks';
import type { SyncStatus } from '../sync/sync-status';

/** A profile as the popup shows it: its label (profileLabel) and colour. */
export interface Tenant {
  id: string;
  label: string;
  colour: ProfileColour;
}

/** One profile's look-up of the text, from its own caches. */
export interface TenantLookup {
  tenant: Tenant;
  answers: readonly LookupAnswer[];
  /** Why its cache could not be read; null when it answered. */
  error: string | null;
  /** Its published sync status; undefined until read (then taken as synced, the usual case). */
  status: SyncStatus | undefined;
  /** Whether it has a connection; null until its settings are read. */
  connected?: boolean | null;
  /** Each value's Blocklist and network block, from its block cache. */
  blockStates: ReadonlyMap<string, BlockState>;
}

export type TenantState = 'in' | 'absent' | 'unknown';

export interface TenantAnswer {
  tenant: Tenant;
  state: TenantState;
  /** The tenant's own answer for the value ('absent', no matches, when its cache holds none). */
  answer: LookupAnswer;
  blocks: BlockState | undefined;
  /** What the analyst must know about this tenant's cache: why it is unknown, or that it may be stale. */
  note: string | null;
}

export interface AcrossAnswer {
  value: string;
  /** in-s1 when any tenant holds the value. */
  state: LookupAnswer['state'];
  /** The value's answer as the first tenant to hold it gives it (type, warnings, invalid reason). */
  answer: LookupAnswer;
  /** One per profile, in the list's order; none for an invalid value (no cache is asked about it). */
  tenants: TenantAnswer[];
  /** The card's lines, the first its headline; none with a single profile (it reads as before profiles). */
  summary: string[];
}

/** Why a tenant that does not hold the value cannot say "absent", or null when it can. */
function unknownReason(lookup: TenantLookup): string | null {
  if (lookup.error) return 'its cache could not be read';
  const status = lookup.status;
  // A profile added and not connected yet has published no status at all.
  if (lookup.connected === false && !status?.completeAt) return 'not connected';
  if (!status || status.completeAt) return null;
  if (status.running) return 'first sync under way';
  if (status.lastError?.kind === 'not-configured') return 'not connected';
  if (status.lastError) return 'not synced yet (the sync failed)';
  return 'not synced yet';
}

/** A complete cache whose later sync failed still answers; the analyst should know it may be behind. */
const staleNote = (status: SyncStatus | undefined): string | null =>
  status?.completeAt && status.lastError && status.lastError.at >= status.completeAt
    ? 'last sync failed: the answer may be out of date'
    : null;

function tenantAnswer(lookup: TenantLookup, key: string, asked: LookupAnswer): TenantAnswer {
  const own = lookup.answers.find((answer) => valueKey(answer.value) === key);
  const blocks = lookup.blockStates.get(own?.value ?? asked.value);
  if (own?.state === 'in-s1')
    return { tenant: lookup.tenant, state: 'in', answer: own, blocks, note: staleNote(lookup.status) };
  const answer: LookupAnswer = own ?? { ...asked, state: 'absent', matches: [] };
  const unknown = unknownReason(lookup);
  return unknown
    ? { tenant: lookup.tenant, state: 'unknown', answer, blocks, note: unknown }
    : { tenant: lookup.tenant, state: 'absent', answer, blocks, note: staleNote(lookup.status) };
}

const names = (tenants: readonly TenantAnswer[]) => tenants.map((t) => t.tenant.label).join(', ');

/**
 * The card's lines: who holds the value, who does not, and a line per tenant that cannot say. With one
 * profile, none: the answer reads exactly as it did before profiles.
 */
export function summaryOf(tenants: readonly TenantAnswer[]): string[] {
  if (tenants.length <= 1) return [];
  const total = tenants.length;
  const holding = tenants.filter((t) => t.state === 'in');
  const lacking = tenants.filter((t) => t.state === 'absent');
  const unknown = tenants.filter((t) => t.state === 'unknown');
  const lines: string[] = [];
  if (holding.length === total) lines.push(`In all ${total} tenants: ${names(holding)}`);
  else if (holding.length > 0) lines.push(`In ${holding.length} of ${total} tenants: ${names(holding)}`);
  if (lacking.length === total) lines.push(`In none of the ${total} tenants`);
  else if (lacking.length > 0) lines.push(`Not in ${names(lacking)}`);
  for (const t of unknown) lines.push(`${t.tenant.label}: ${t.note}`);
  return lines;
}

/**
 * One card per value any profile answered, in the order the values were asked (the first profile's
 * answers, then any value only a later one answered), each with its tenants in the list's order.
 */
export function answersAcross(lookups: readonly TenantLookup[]): AcrossAnswer[] {
  const asked = new Map<string, LookupAnswer>();
  for (const lookup of lookups)
    for (const answer of lookup.answers) {
      const key = valueKey(answer.value);
      const known = asked.get(key);
      // The first holder names the type: an absent guess from another tenant's parse must not.
      if (!known || (known.state !== 'in-s1' && answer.state === 'in-s1')) asked.set(key, answer);
    }
  return [...asked].map(([key, answer]): AcrossAnswer => {
    if (answer.state === 'invalid')
      return { value: answer.value, state: 'invalid', answer, tenants: [], summary: [] };
    const tenants = lookups.map((lookup) => tenantAnswer(lookup, key, answer));
    return {
      value: answer.value,
      state: tenants.some((t) => t.state === 'in') ? 'in-s1' : 'absent',
      answer,
      tenants,
      summary: summaryOf(tenants),
    };
  });
}

/**
 * From this many tenants lacking a value with nothing else to say (not blocked there, no note), they
 * fold into one closed group: their names are in the card's summary already, and ten rows of buttons
 * per pasted value drowned the tenants that hold it (and cost a tenth of a second to draw per paste).
 */
export const FOLD_FROM = 4;

const hasNothingToSay = (t: TenantAnswer) =>
  t.state === 'absent' && t.note === null && !t.blocks?.network && (t.blocks?.execution.length ?? 0) === 0;

/**
 * A card's tenants as shown: `open` keeps the list's order; `folded` the tenants lacking the value with
 * nothing else to say when there are FOLD_FROM of them or more, else none.
 */
export function foldedTenants(tenants: readonly TenantAnswer[]): {
  open: TenantAnswer[];
  folded: TenantAnswer[];
} {
  const quiet = tenants.filter(hasNothingToSay);
  if (quiet.length < FOLD_FROM) return { open: [...tenants], folded: [] };
  return { open: tenants.filter((t) => !hasNothingToSay(t)), folded: quiet };
}
