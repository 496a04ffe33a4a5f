import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import type { ActionsReport, RowActionReport } from '../../lib/blocks/actions';
import {
  choosesAnything,
  defaultActions,
  type FirewallAvailability,
  type RowActions,
  remainingActions,
} from '../../lib/blocks/review-actions';
import {
  csvImportNote,
  csvOverrides,
  type KeyedRequest,
  mergeOutcomes,
  type RowOverride,
  type SubmitNote,
  untickRejected,
} from '../../lib/blocks/review-submit';
import { classifyValue } from '../../lib/iocs/classify';
import { parseIocCsv } from '../../lib/iocs/csv-import';
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
  firewall: FirewallAvailability;
  initialText: string;
  /** A problem found while reviewing the text, for the status line. */
  onProblem(note: SubmitNote): void;
}

/**
 * The review's rows and what each will do: built from the pasted text (as the analyst types, in
 * chunks, never freezing the page) or from a CSV file, with each row's chosen actions and what became
 * of them across presses of Submit.
 */
export function useReview({ lookupExisting, settings, firewall, initialText, onProblem }: Options) {
  const [text, setText] = useState(initialText);
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, RowOverride>>(new Map());
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, RowActionReport>>(new Map());
  // The analyst's changes to a row's actions; a row without an entry has the defaults of its type.
  const [chosen, setChosen] = useState<ReadonlyMap<string, RowActions>>(new Map());
  // How many values the text held beyond those the review shows (review-cap.ts).
  const [capNote, setCapNote] = useState<string | null>(null);
  // What the current rows were judged against; retyping a row asks it again.
  const [existing, setExisting] = useState<FindExisting>(() => () => undefined);
  // The text being reviewed; a CSV import cancels it so a late text review cannot replace the file's rows.
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
    setChosen(new Map());
  }

  // The review is built from the text alone: a cache refresh after sending must not wipe the results.
  useEffect(() => {
    const abort = new AbortController();
    textJob.current = abort;
    const timer = setTimeout(async () => {
      try {
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

  async function importCsv(file: File): Promise<SubmitNote> {
    textJob.current?.abort();
    const parsed = parseIocCsv(await file.text());
    if (parsed.errors.length > 0 && parsed.rows.length === 0)
      return csvImportNote(file.name, 0, parsed.errors);
    const capped = capReview(parsed.rows, 'import the rest');
    const candidates = capped.items.map((row) => ({
      value: row.value,
      type: row.type ?? classifyValue(row.value) ?? 'DNS',
    }));
    const find = await lookupExisting(lookupValues(candidates));
    const review = buildReview(candidates, find, neverBlockList(neverBlock.current));
    setOverrides(csvOverrides(review, parsed.rows));
    show(review, find, capped.note);
    return csvImportNote(file.name, capped.items.length, parsed.errors);
  }

  const actionsOf = (row: ReviewRow) =>
    chosen.get(row.key) ?? defaultActions(row.type, settings.actionDefaults, firewall);
  const toDo = (row: ReviewRow) => remainingActions(actionsOf(row), outcomes.get(row.key));

  return {
    text,
    rows,
    overrides,
    outcomes,
    capNote,
    actionsOf,
    toDo,
    /** The ticked rows with something left to send. */
    pending: sendableRows(rows).filter((row) => choosesAnything(toDo(row))),
    hadRejections: [...outcomes.values()].some((o) => o.detect?.status === 'rejected'),
    /** Typed text replaces a CSV's rows and their own values. */
    type(next: string) {
      setOverrides(new Map());
      setText(next);
    },
    importCsv,
    tick: (key: string, selected: boolean) =>
      setRows(rows.map((row) => (row.key === key ? { ...row, selected } : row))),
    choose: (key: string, actions: RowActions) => setChosen(new Map(chosen).set(key, actions)),
    retype(key: string, type: IocType) {
      // A new type has its own actions: back to its defaults.
      const next = new Map(chosen);
      next.delete(key);
      setChosen(next);
      setRows(retypeInReview(rows, key, type, existing, neverBlockList(neverBlock.current)));
    },
    /** What a press of Submit came back with. */
    applied(requests: readonly KeyedRequest[], report: ActionsReport) {
      const next = mergeOutcomes(outcomes, requests, report);
      setOutcomes(next);
      setRows(untickRejected(rows, next));
    },
  };
}
