import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import { type ReviewInput, reviewInputOf } from '../../lib/blocks/file-import';
import {
  combinedFirewall,
  mergeTargetResults,
  planTargets,
  rowsToUntick,
  type Target,
  type TargetOutcomes,
  type TargetResult,
  toDoOnTarget,
} from '../../lib/blocks/multi-target';
import { defaultActions, type RowActions } from '../../lib/blocks/review-actions';
import type { RowOverride, SubmitNote } from '../../lib/blocks/review-submit';
import { type ExistingLookup, lookupValues } from '../../lib/iocs/existing-lookup';
import { extractCandidatesChunked } from '../../lib/iocs/extract';
import { neverBlockList } from '../../lib/iocs/never-block-list';
import {
  buildReview,
  type FindExisting,
  type ReviewRow,
  retypeInReview,
  sendableRows,
} from '../../lib/iocs/review';
import { capReview } from '../../lib/iocs/review-cap';
import type { IocType } from '../../lib/s1/schemas';
import { errorText } from '../../lib/text/error-text';

interface Options {
  /** Which values SentinelOne already holds, from the local cache. */
  lookupExisting: ExistingLookup;
  settings: StoredSettings;
  /** The profiles the analyst chose to send to (one: the page's own, as before profiles). */
  targets: readonly Target[];
  initialText: string;
  /** A problem found while reviewing the text, for the status line. */
  onProblem(note: SubmitNote): void;
}

/**
 * The review's rows and what each will do: built from the pasted text (as the analyst types, in
 * chunks, never freezing the page) or from a file (CSV, STIX 2.1 bundle, MISP events), chosen,
 * dropped or pasted, with each row's chosen actions and what became of them on each target profile
 * across presses of Submit.
 */
export function useReview({ lookupExisting, settings, targets, initialText, onProblem }: Options) {
  const [text, setText] = useState(initialText);
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, RowOverride>>(new Map());
  const [outcomes, setOutcomes] = useState<TargetOutcomes>(new Map());
  // Rows the analyst ticked again after a press: sent again even where a profile refused them.
  const [vouched, setVouched] = useState<ReadonlySet<string>>(new Set());
  // The analyst's changes to a row's actions; a row without an entry has the defaults of its type.
  const [chosen, setChosen] = useState<ReadonlyMap<string, RowActions>>(new Map());
  // How many values the text held beyond those the review shows (review-cap.ts).
  const [capNote, setCapNote] = useState<string | null>(null);
  // What the current rows were judged against; retyping a row asks it again.
  const [existing, setExisting] = useState<FindExisting>(() => () => undefined);
  // The text being reviewed; a file import cancels it so a late text review cannot replace the file's rows.
  const textJob = useRef<AbortController | null>(null);
  // Read through refs: a new lookup function from the parent must not re-review (and wipe results).
  const lookupRef = useRef(lookupExisting);
  lookupRef.current = lookupExisting;
  const neverBlock = useRef(settings.neverBlock);
  neverBlock.current = settings.neverBlock;
  const problemRef = useRef(onProblem);
  problemRef.current = onProblem;

  function show(review: ReviewRow[], find: FindExisting, note: string | null) {
    setExisting(() => find);
    setCapNote(note);
    setRows(review);
    setOutcomes(new Map());
    setVouched(new Set());
    setChosen(new Map());
  }

  // The review is built from the text alone: a cache refresh after sending must not wipe the results.
  useEffect(() => {
    const abort = new AbortController();
    textJob.current = abort;
    const timer = setTimeout(async () => {
      try {
        // A pasted STIX bundle or MISP export is read as the file it is, not searched for values.
        const pasted = reviewInputOf(text, null, new Date());
        if (pasted.kind !== 'text') {
          const note = await showInput(pasted, abort.signal);
          if (!abort.signal.aborted) problemRef.current(note);
          return;
        }
        const capped = capReview(await extractCandidatesChunked(text, { signal: abort.signal }));
        const find = await lookupRef.current(lookupValues(capped.items));
        if (!abort.signal.aborted)
          show(buildReview(capped.items, find, neverBlockList(neverBlock.current)), find, capped.note);
      } catch (error) {
        if (!abort.signal.aborted)
          problemRef.current({ kind: 'error', text: `The text could not be read: ${errorText(error)}` });
      }
    }, 250);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [text]);

  /** A file's rows as the review, with their own values; a file that could not be read changes nothing. */
  async function showInput(input: ReviewInput, signal?: AbortSignal): Promise<SubmitNote> {
    if (input.kind !== 'rows') return input.kind === 'refused' ? input.note : { kind: 'ok', text: '' };
    const find = await lookupRef.current(lookupValues(input.candidates));
    if (signal?.aborted) return input.note;
    const review = buildReview(input.candidates, find, neverBlockList(neverBlock.current));
    setOverrides(input.overrides(review));
    show(review, find, input.capNote);
    return input.note;
  }

  /** A CSV, STIX 2.1 or MISP file, chosen or dropped: its rows replace the review, or it says where it broke. */
  async function importFile(file: File): Promise<SubmitNote> {
    const input = reviewInputOf(await file.text(), file.name, new Date());
    // Only a readable file stops the text's review: a broken one leaves the review as it was.
    if (input.kind === 'rows') textJob.current?.abort();
    return showInput(input);
  }

  // Block network is offered when a target has Firewall Control; each target then gets it only if it has.
  const firewall = combinedFirewall(targets);
  const actionsOf = (row: ReviewRow) =>
    chosen.get(row.key) ?? defaultActions(row.type, settings.actionDefaults, firewall);
  const plans = planTargets(sendableRows(rows), targets, outcomes, actionsOf, vouched);

  return {
    text,
    rows,
    overrides,
    outcomes,
    capNote,
    actionsOf,
    /** What the row still has to do on `target`. */
    toDoOn: (target: Target) => (row: ReviewRow) => toDoOnTarget(row, actionsOf(row), target, outcomes),
    /** Per target profile, the ticked rows with something left to send there. */
    plans,
    hadRejections: [...outcomes.values()].some((byRow) =>
      [...byRow.values()].some((o) => o.report.detect?.status === 'rejected'),
    ),
    /** Typed text replaces a file's rows and their own values. */
    type(next: string) {
      setOverrides(new Map());
      setText(next);
    },
    importFile,
    tick(key: string, selected: boolean) {
      setRows(rows.map((row) => (row.key === key ? { ...row, selected } : row)));
      const next = new Set(vouched);
      if (selected) next.add(key);
      else next.delete(key);
      setVouched(next);
    },
    choose: (key: string, actions: RowActions) => setChosen(new Map(chosen).set(key, actions)),
    retype(key: string, type: IocType) {
      // A new type has its own actions: back to its defaults.
      const next = new Map(chosen);
      next.delete(key);
      setChosen(next);
      setRows(retypeInReview(rows, key, type, existing, neverBlockList(neverBlock.current)));
    },
    /** What a press of Submit came back with, from each profile it went to. */
    applied(results: readonly TargetResult[]) {
      const next = mergeTargetResults(outcomes, results);
      const untick = rowsToUntick(
        sendableRows(rows),
        results.map((result) => result.target),
        next,
        actionsOf,
      );
      setOutcomes(next);
      setVouched(new Set());
      setRows(rows.map((row) => (untick.has(row.key) ? { ...row, selected: false } : row)));
    },
  };
}
