/**
 * The ten-profile figures as ratios to the one-profile figures of the same run (profiles.ts measures
 * both), and what is pasted in the popup: pure, so that the report's arithmetic is tested.
 */
import { summarize } from './stats';

/** What one browser measured. */
export interface ProfileFigures {
  popupMs: number;
  pasteMs: number[];
  firstRowsMs: number;
  /** `?profile=all`: every profile's IOCs in one table (measured with ten profiles only). */
  allViewFirstRowsMs: number | null;
  /**
   * The platform's floor of a look-up across the profiles: in a fresh extension page, every
   * profile's database opened and one value read in each, no product code (page-probes.ts).
   */
  databasesFloorMs: number;
}

/** One run: the same measurements with one profile and with ten. */
export interface ProfileRun {
  one: ProfileFigures;
  ten: ProfileFigures;
}

export interface ProfileRatios {
  popup: number[];
  /** p95 over ten profiles' pastes ÷ p95 over one's, per run. */
  paste: number[];
  firstRows: number[];
  /** The all-profiles view's first rows ÷ one profile's manager's first rows. */
  allView: number[];
  /** The databases floor, ten ÷ one: what the platform alone adds for opening and reading ten. */
  floor: number[];
  /**
   * The popup's answer with ten profiles less what the platform alone adds for them (ten's floor less
   * one's), ÷ one profile's answer: what the extension's own code adds.
   */
  popupOverFloor: number[];
}

export function profileRatios(runs: readonly ProfileRun[]): ProfileRatios {
  return {
    popup: runs.map(({ one, ten }) => ten.popupMs / one.popupMs),
    paste: runs.map(({ one, ten }) => summarize(ten.pasteMs).p95 / summarize(one.pasteMs).p95),
    firstRows: runs.map(({ one, ten }) => ten.firstRowsMs / one.firstRowsMs),
    allView: runs.flatMap(({ one, ten }) =>
      ten.allViewFirstRowsMs === null ? [] : [ten.allViewFirstRowsMs / one.firstRowsMs],
    ),
    floor: runs.map(({ one, ten }) => ten.databasesFloorMs / one.databasesFloorMs),
    popupOverFloor: runs.map(
      ({ one, ten }) => (ten.popupMs - (ten.databasesFloorMs - one.databasesFloorMs)) / one.popupMs,
    ),
  };
}

export type PasteSource = 'first' | 'seventh' | 'absent';

/**
 * Values the first profile holds (answered by a popup that reads one profile or every one), values the
 * seventh holds (in SentinelOne for a popup that reads every profile, absent for one that reads the
 * first) and values no profile holds, interleaved so that no kind of answer runs in a block.
 */
const PASTE_ORDER: readonly PasteSource[] = ['first', 'absent', 'seventh', 'first', 'absent'];

/** `rounds` × PASTE_ORDER values, each kind's taken far apart in its list, none twice. */
export function pasteList(sources: Readonly<Record<PasteSource, readonly string[]>>, rounds = 4): string[] {
  const taken: Record<PasteSource, number> = { first: 0, seventh: 0, absent: 0 };
  const out: string[] = [];
  for (let round = 0; round < rounds; round++)
    for (const kind of PASTE_ORDER) {
      const values = sources[kind];
      const value = values[(17 + taken[kind]++ * 997) % values.length];
      if (value !== undefined && !out.includes(value)) out.push(value);
    }
  return out;
}
