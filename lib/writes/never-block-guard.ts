/**
 * The worker's enforcement of the never-block list (never-block.ts) for every write: a TI IOC, a
 * Blocklist item, a Firewall rule, an edited IOC, a renewed rule. The review already warns and
 * leaves such rows unticked, but a page can be stale, buggy or hostile, so the worker decides.
 *
 * One place for all of them: the requests are split before the write runs, the write sees only the
 * rest (as if the listed rows had never been asked for), and each listed row gets its refusal back in
 * the report at its own position. A refusal is final: asking again cannot change it.
 */
import type { ActionsReport, BlockOutcome, RowActionReport, RowActionRequest } from '../blocks/actions';
import type { NetworkTargetType } from '../blocks/firewall-rules';
import { type NeverBlockEntry, neverBlockMatch, neverBlockRefusal } from '../iocs/never-block';
import { logFor } from '../log/log';
import type { FirewallRule } from '../s1/block-schemas';
import type { IocDraft } from '../s1/schemas';
import type { RowOutcome, SubmitReport } from './submit-iocs';

const log = logFor('submit');

/** Each item's entry, or null for the items that may go; logs what is refused. */
function screen<T>(
  list: readonly NeverBlockEntry[],
  items: readonly T[],
  draftOf: (item: T) => IocDraft,
  what: string,
): Array<NeverBlockEntry | null> {
  const found = items.map((item) => {
    const draft = draftOf(item);
    return neverBlockMatch(draft.value, draft.type, list);
  });
  const refused = items.flatMap((item, i) => {
    const entry = found[i];
    return entry ? [`${draftOf(item).value} (${entry.text})`] : [];
  });
  if (refused.length > 0)
    log.warn(
      `${what}: not sent, on the never-block list: ${refused.slice(0, 5).join(', ')}${refused.length > 5 ? ', …' : ''}.`,
    );
  return found;
}

/** `send` for the drafts not on the list; the listed ones are refused in the report, in place. */
export async function guardSubmit(
  list: readonly NeverBlockEntry[],
  drafts: readonly IocDraft[],
  send: (drafts: IocDraft[]) => Promise<SubmitReport>,
): Promise<SubmitReport> {
  const found = screen(list, drafts, (draft) => draft, 'Detect');
  if (found.every((entry) => entry === null)) return send([...drafts]);
  const allowed = drafts.filter((_, i) => found[i] === null);
  const report: SubmitReport =
    allowed.length > 0 ? await send(allowed) : { outcomes: [], stored: 0, stoppedBecause: null };
  let next = 0;
  const outcomes = found.map((entry): RowOutcome => {
    if (entry) return { status: 'rejected', message: neverBlockRefusal(entry) };
    const outcome = report.outcomes[next++];
    return outcome ?? { status: 'not-sent', message: 'Not sent.' };
  });
  return { ...report, outcomes };
}

/** A refusal for each action `request` asked for. */
function refusedRow(request: RowActionRequest, entry: NeverBlockEntry): RowActionReport {
  const message = neverBlockRefusal(entry);
  const refusal: BlockOutcome = { status: 'refused', message, final: true };
  return {
    ...(request.detect ? { detect: { status: 'rejected', message } } : {}),
    ...(request.blockExecution
      ? { blockExecution: Object.fromEntries(request.blockExecution.osTypes.map((os) => [os, refusal])) }
      : {}),
    ...(request.blockNetwork ? { blockNetwork: refusal } : {}),
  };
}

/** `apply` for the rows not on the list; the listed rows get a refusal for every action they asked for. */
export async function guardActions(
  list: readonly NeverBlockEntry[],
  requests: readonly RowActionRequest[],
  apply: (requests: RowActionRequest[]) => Promise<ActionsReport>,
): Promise<ActionsReport> {
  const found = screen(list, requests, (request) => request.draft, 'Review');
  if (found.every((entry) => entry === null)) return apply([...requests]);
  const allowed = requests.filter((_, i) => found[i] === null);
  const report: ActionsReport = allowed.length > 0 ? await apply(allowed) : { rows: [], notes: [] };
  let next = 0;
  const rows = requests.map((request, i) => {
    const entry = found[i];
    return entry ? refusedRow(request, entry) : (report.rows[next++] ?? {});
  });
  return { rows, notes: report.notes };
}

/** Throws the refusal when the edited IOC is on the list: an edit re-sends the IOC (update-ioc.ts). */
export function guardUpdate(list: readonly NeverBlockEntry[], draft: IocDraft): void {
  const [entry] = screen(list, [draft], (d) => d, 'Edit');
  if (entry) throw new Error(neverBlockRefusal(entry));
}

/** The values a Firewall rule stops, with the IOC type each is matched as. */
function ruleValues(
  rule: Pick<FirewallRule, 'remoteHosts'>,
): Array<{ value: string; type: NetworkTargetType }> {
  return (rule.remoteHosts ?? []).flatMap((host) =>
    host.values.map((value) => ({
      value,
      type: host.type === 'fqdn' ? 'DNS' : value.includes(':') ? 'IPV6' : 'IPV4',
    })),
  );
}

/**
 * For renew-rules.ts: the refusal for a rule that stops a listed value, else null. Renewing would keep
 * it blocking; left alone, it expires.
 */
export function ruleRefusal(list: readonly NeverBlockEntry[]) {
  return (rule: Pick<FirewallRule, 'remoteHosts'>): string | null => {
    for (const { value, type } of ruleValues(rule)) {
      const entry = neverBlockMatch(value, type, list);
      if (entry) {
        log.warn(`Block network renew: not sent, on the never-block list: ${value} (${entry.text}).`);
        return neverBlockRefusal(entry);
      }
    }
    return null;
  };
}
