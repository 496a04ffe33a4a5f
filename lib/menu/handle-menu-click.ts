/**
 * What "Add to SentinelOne…" and "Look up in SentinelOne IOCs" do with a click. Everything the
 * browser provides comes in through MenuDeps, so the decisions are unit-tested without a browser:
 *
 * - Not connected: the connection screen opens and a notification says why.
 * - Nothing in the text looks like an IOC: a notification says so, quoting the selection.
 * - Look up: one value gets a notification; several open the sheet in look-up mode.
 * - Add: the sheet opens with the text, reviewed exactly as the New IOCs form does, with each row's
 *   actions (Detect, Block execution, Block network); "Submit N" runs them. With "Detect a single
 *   valid new IOC without the review" on, a text holding exactly one valid, unwarned IOC that is not
 *   in SentinelOne yet is sent at once as a TI IOC, which detects and blocks nothing: a block always
 *   goes through the review, where the analyst sees what it will stop. If the quick path fails (an
 *   expired token, the console gone) the sheet opens with the text, so nothing selected is lost.
 * - The quick path takes only a selection the page showed whole (selection-check.ts): a page that
 *   hides text in it, a selection cut at the cap or a page that cannot be read opens the review
 *   instead, with a note saying why. (A link never takes it: its URL and its host are two values.)
 * - A selection is read capped in the page, and the review holds at most REVIEW_MAX_ROWS values.
 */
import type { Settings } from '../../config/settings';
import { defaultFields, draftSettings, toDrafts } from '../iocs/drafts';
import { findIn, lookupValues } from '../iocs/existing-lookup';
import { type Candidate, extractCandidatesChunked } from '../iocs/extract';
import { answerLookups, describeAnswer } from '../iocs/lookup';
import { neverBlockList } from '../iocs/never-block-list';
import { buildReview, sendableRows } from '../iocs/review';
import { capReview } from '../iocs/review-cap';
import { logFor } from '../log/log';
import type { Ioc, IocDraft } from '../s1/schemas';
import { errorText } from '../text/error-text';
import type { SubmitReport } from '../writes/submit-iocs';
import { type MenuClick, menuText, quote } from './menu-text';
import { ADD_MENU, isMenuId } from './menus';
import type { PageSelection } from './read-selection';
import { checkSelection, type SelectionCheck } from './selection-check';

export type SheetMode = 'add' | 'lookup';

export interface SheetRequest {
  mode: SheetMode;
  text: string;
  /** Why the sheet opened instead of the quick Detect, shown above the review. */
  note?: string;
}

export interface MenuDeps {
  readSettings(): Promise<Settings>;
  /** The clicked frame's selection with its line breaks, and what of it is visible; null when the page cannot be read. */
  readFullSelection(tabId: number, frameId: number): Promise<PageSelection | null>;
  /** The cached IOCs with any of these values (ioc-repo byValues). */
  cachedWithValues(values: readonly string[]): Promise<Ioc[]>;
  submit(drafts: IocDraft[]): Promise<SubmitReport>;
  notify(title: string, message: string): Promise<void>;
  openSheet(request: SheetRequest): Promise<void>;
  openSettings(): Promise<void>;
  now(): Date;
}

/** Why a single value opened the review although the quick path is on, when no other note says so. */
export const NOT_SHOWN_NOTE =
  'Not detected at once: only a selection the page shows whole is sent without the review. Check the value, then submit.';

/** Nothing read from the page: Chrome's selectionText or a link's address, which the page chose. */
const UNCHECKED: SelectionCheck = { shownWhole: false, note: null };

const log = logFor('menu');

export async function handleMenuClick(deps: MenuDeps, click: MenuClick): Promise<void> {
  if (!isMenuId(click.menuItemId)) return;
  const settings = await deps.readSettings();
  if (!settings.connection) {
    await deps.openSettings();
    await deps.notify(
      'S1 IOC Manager is not connected',
      'Enter the console URL and API token on the connection screen, then try again.',
    );
    return;
  }
  const selection =
    click.selectionText && click.tabId !== undefined && click.tabId >= 0
      ? await deps.readFullSelection(click.tabId, click.frameId ?? 0).catch(() => null)
      : null;
  const text = menuText(click, selection?.text ?? null);
  // menuText takes the page's reading only when it is the clicked selection; only then was it checked.
  const check =
    selection && text !== '' && text === selection.text.trim() ? checkSelection(selection) : UNCHECKED;
  // In chunks: the worker keeps answering the extension's pages while a long selection is read.
  const found = await extractCandidatesChunked(text);
  const { items: candidates } = capReview(found);
  if (candidates.length === 0) {
    log.info(`Context menu: no IOC in ${quote(text)}`);
    await deps.notify(
      'No IOC found',
      `Nothing in ${quote(text)} looks like a hash, domain, IP address or URL.`,
    );
    return;
  }
  const cached = await deps.cachedWithValues(lookupValues(candidates));
  if (click.menuItemId === ADD_MENU) await add(deps, settings, text, check, candidates, cached);
  else await lookUp(deps, text, check, candidates, cached);
}

/** The sheet for `text`, with the check's note when there is one. */
const sheetFor = (mode: SheetRequest['mode'], text: string, note: string | null): SheetRequest =>
  note ? { mode, text, note } : { mode, text };

async function lookUp(
  deps: MenuDeps,
  text: string,
  check: SelectionCheck,
  candidates: Candidate[],
  cached: Ioc[],
): Promise<void> {
  const answers = answerLookups(candidates, cached);
  const [only] = answers;
  if (answers.length !== 1 || !only) return deps.openSheet(sheetFor('lookup', text, check.note));
  const title =
    only.state === 'in-s1' ? 'In SentinelOne' : only.state === 'absent' ? 'Not in SentinelOne' : 'Not an IOC';
  const line = describeAnswer(only, deps.now().getTime());
  log.info(`Look-up: ${line}`);
  await deps.notify(title, line);
}

async function add(
  deps: MenuDeps,
  settings: Settings,
  text: string,
  check: SelectionCheck,
  candidates: Candidate[],
  cached: Ioc[],
): Promise<void> {
  // A value on the never-block list is warned, so the quick path leaves it to the sheet, which says why.
  const rows = buildReview(candidates, findIn(cached), neverBlockList(settings.neverBlock));
  const [single] = sendableRows(rows);
  const quick =
    settings.quickBlockSingle &&
    rows.filter((row) => !row.suggestion).length === 1 &&
    single?.status === 'valid' &&
    single.warnings.length === 0;
  if (!quick || !single) return deps.openSheet(sheetFor('add', text, check.note));
  if (!check.shownWhole) {
    log.info(`Quick Detect of ${single.value} not taken: ${check.note ?? 'not a selection the page showed'}`);
    return deps.openSheet(sheetFor('add', text, check.note ?? NOT_SHOWN_NOTE));
  }

  const drafts = toDrafts([single], defaultFields(settings), draftSettings(settings), deps.now());
  let problem: string;
  try {
    const report = await deps.submit(drafts);
    const outcome = report.outcomes[0];
    if (outcome?.status === 'stored') {
      await deps.notify(
        'Detected in SentinelOne',
        `${single.value} (${single.type}) is now a Threat Intelligence IOC: SentinelOne raises a threat when an endpoint sees it. Nothing is blocked.`,
      );
      return;
    }
    problem = report.stoppedBecause ?? (outcome && 'message' in outcome ? outcome.message : 'Not stored.');
  } catch (error) {
    problem = errorText(error);
  }
  log.warn(`Quick Detect of ${single.value} failed: ${problem}`);
  await deps.openSheet({ mode: 'add', text, note: `Not added: ${problem}` });
  await deps.notify('Not added to SentinelOne', `${single.value}: ${problem}`);
}
