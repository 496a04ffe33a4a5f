/**
 * Ten profiles against one: the popup's answer, a pasted value's answer and the manager's first rows,
 * measured the same way in a browser holding one profile's cache and in one holding ten, each of
 * `size` IOCs, seeded the same way (seed/seed-profiles.ts), in the same run, so that each figure is a
 * ratio to its one-profile twin.
 */
import { storageNamesOf } from '../../lib/profiles/profile-storage-names';
import { databasesFloorMs, managerFirstRows, popupLookup } from './page-probes';
import { type ProfileFigures, type ProfileRun, pasteList } from './profile-ratios';
import { seedScript } from './seed/seed-bundle';
import {
  absentValues,
  openSeeded,
  profileIdOf,
  profileValues,
  type SeededProfile,
  seedBrowserProfile,
} from './seed/seed-profiles';
import type { Browser } from './session';
import { summarize } from './stats';

export const PROFILE_COUNT = 10;
/** The profile whose manager page is opened among the ten (its own page, `?profile=p7`). */
export const MANAGER_PROFILE = 'p7';
const MANAGER_INDEX = 6;

/** How long to let the browser settle: a measurement's own figures, or a quick check of the path (--smoke). */
interface Pauses {
  /** Between one measurement's tab closing and the next opening (as scenarios.ts's POPUP_SETTLE_MS). */
  settleMs: number;
  /** After the browser started, before measuring: its start-up (the worker, the profiles' services). */
  startedMs: number;
  /** Rounds of five pastes (profile-ratios.ts). */
  pasteRounds: number;
}

const MEASURING: Pauses = { settleMs: 1000, startedMs: 2000, pasteRounds: 4 };
const CHECKING: Pauses = { settleMs: 300, startedMs: 500, pasteRounds: 1 };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `opens` measurements taken one after another, `settleMs` apart. */
async function repeated(
  opens: number,
  settleMs: number,
  measureOnce: (i: number) => Promise<number>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < opens; i++) {
    await pause(settleMs);
    samples.push(await measureOnce(i));
  }
  return samples;
}

const median = (samples: number[]) => summarize(samples).median;

/**
 * One browser's figures, each the median of `opens` openings (one popup, manager tab or view at a
 * time): one opening per browser start varied by half between runs on the shared machine.
 */
async function measure(
  browser: Browser,
  { opens, pauses }: { opens: number; pauses: Pauses },
  probe: string,
  pastes: readonly string[],
  managerAddress: string,
  allView: boolean,
  profiles: number,
): Promise<ProfileFigures> {
  await pause(pauses.startedMs);
  let pasteMs: number[] = [];
  // The values are pasted in the first popup opened.
  const popupMs = await repeated(opens, pauses.settleMs, async (i) => {
    const popup = await popupLookup(browser, probe, i === 0 ? pastes : []);
    if (i === 0) pasteMs = popup.pasteMs;
    return popup.answerMs;
  });
  const firstRowsMs = await repeated(opens, pauses.settleMs, () => managerFirstRows(browser, managerAddress));
  const allViewMs = allView
    ? await repeated(opens, pauses.settleMs, () => managerFirstRows(browser, 'options.html?profile=all#iocs'))
    : null;
  const databases = Array.from({ length: profiles }, (_, i) => storageNamesOf(profileIdOf(i)).database);
  const floorMs = await repeated(opens, pauses.settleMs, () => databasesFloorMs(browser, databases));
  return {
    popupMs: median(popupMs),
    pasteMs,
    firstRowsMs: median(firstRowsMs),
    allViewFirstRowsMs: allViewMs && median(allViewMs),
    databasesFloorMs: median(floorMs),
  };
}

/**
 * `runs` pairs of browser starts, one profile and ten (the order swapped every other run), on browser
 * profiles seeded once. `quick`: shorter pauses and five pastes, to check the path (--smoke).
 */
export async function measureProfiles(
  runs: number,
  size: number,
  { opens, quick }: { opens: number; quick: boolean },
): Promise<ProfileRun[]> {
  const pauses = quick ? CHECKING : MEASURING;
  const script = await seedScript();
  const nowUs = Date.now() * 1000;
  const first = profileValues(0, size, nowUs);
  const pastes = pasteList(
    {
      first,
      seventh: profileValues(MANAGER_INDEX, size, nowUs),
      absent: absentValues(1000, nowUs),
    },
    pauses.pasteRounds,
  );
  // As scenarios.ts: the eighth IOC of the console (here of the first profile, which every popup reads).
  const probe = first[7] as string;

  // Both at once: most of the one-profile side's seeding is starting and closing its browser.
  const seeding = await Promise.allSettled([
    seedBrowserProfile(script, 1, size, nowUs),
    seedBrowserProfile(script, PROFILE_COUNT, size, nowUs),
  ]);
  const [oneSeeded, tenSeeded] = seeding;
  if (oneSeeded.status === 'rejected' || tenSeeded.status === 'rejected') {
    for (const side of seeding) if (side.status === 'fulfilled') await side.value.remove();
    throw oneSeeded.status === 'rejected' ? oneSeeded.reason : (tenSeeded as PromiseRejectedResult).reason;
  }
  const oneProfile = oneSeeded.value;
  const tenProfiles = tenSeeded.value;
  const side = async (seeded: SeededProfile, managerAddress: string, allView: boolean) => {
    const browser = await openSeeded(seeded);
    try {
      return await measure(
        browser,
        { opens, pauses },
        probe,
        pastes,
        managerAddress,
        allView,
        seeded.profiles,
      );
    } finally {
      await browser.close();
    }
  };
  const one = () => side(oneProfile, 'options.html#iocs', false);
  const ten = () => side(tenProfiles, `options.html?profile=${MANAGER_PROFILE}#iocs`, true);
  try {
    const out: ProfileRun[] = [];
    for (let run = 0; run < runs; run++) {
      // Swapped every other run, so that a machine getting busier or quieter favours neither side.
      if (run % 2 === 0) {
        const a = await one();
        out.push({ one: a, ten: await ten() });
      } else {
        const b = await ten();
        out.push({ one: await one(), ten: b });
      }
    }
    return out;
  } finally {
    await oneProfile.remove();
    await tenProfiles.remove();
  }
}
