import { describe, expect, it } from 'vitest';
import {
  FIRST_PROFILE_ID,
  INITIAL_PROFILES,
  MAX_PROFILES,
  nextProfileColour,
  normalizeProfileList,
  PROFILE_COLOURS,
  type ProfileList,
  profileLabel,
  profileNameProblem,
  withProfileAdded,
  withProfileChanged,
  withProfileRemoved,
} from '../../../lib/profiles/profile-list';

const THREE: ProfileList = {
  profiles: [
    { id: 'p1', name: 'Acme', colour: 'blue' },
    { id: 'p2', name: 'Globex', colour: 'green' },
    { id: 'p5', name: 'Initech', colour: 'amber' },
  ],
  activeId: 'p2',
};

describe('profileNameProblem', () => {
  it.each<[string, string, string | undefined, RegExp | null]>([
    ['a new name', 'Umbrella', undefined, null],
    ['surrounding spaces', '  Umbrella  ', undefined, null],
    ['empty', '   ', undefined, /^Enter a name/],
    ['too long', 'x'.repeat(41), undefined, /at most 40 characters; this one has 41/],
    ['taken, in another case', 'globex', undefined, /named "Globex" exists already/],
    ['its own name when renaming', 'Globex', 'p2', null],
    ["another's name when renaming", 'Acme', 'p2', /named "Acme" exists already/],
  ])('%s', (_case, name, exceptId, expected) => {
    const problem = profileNameProblem(THREE, name, exceptId);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });
});

describe('withProfileAdded', () => {
  it('gives the next id after the highest (ids are never reused) and the first unused colour', () => {
    const change = withProfileAdded(THREE, ' Umbrella ');
    expect(change).toMatchObject({ ok: true, profile: { id: 'p6', name: 'Umbrella', colour: 'purple' } });
    if (change.ok) expect(change.list.profiles.map((p) => p.id)).toEqual(['p1', 'p2', 'p5', 'p6']);
  });

  it("never gives a removed profile's id again", () => {
    const ids: string[] = [];
    let list = THREE;
    for (const change of [
      (l: ProfileList) => withProfileRemoved(l, 'p5'),
      (l: ProfileList) => withProfileAdded(l, 'Umbrella'),
      (l: ProfileList) => withProfileAdded(l, 'Hooli'),
    ]) {
      const result = change(list);
      if (!result.ok) throw new Error(result.reason);
      list = result.list;
      ids.push(result.profile.id);
    }
    expect(ids).toEqual(['p5', 'p6', 'p7']);
  });

  it.each<[string, ProfileList, string, RegExp]>([
    ['a taken name', THREE, 'ACME', /exists already/],
    ['an empty name', THREE, '', /^Enter a name/],
    [
      'a full list',
      {
        profiles: Array.from({ length: MAX_PROFILES }, (_, i) => ({
          id: `p${i + 1}`,
          name: `T${i}`,
          colour: 'blue' as const,
        })),
        activeId: 'p1',
      },
      'One more',
      /At most 20 profiles/,
    ],
  ])('refuses %s', (_case, list, name, reason) => {
    const change = withProfileAdded(list, name);
    expect(change.ok).toBe(false);
    if (!change.ok) expect(change.reason).toMatch(reason);
  });
});

describe('withProfileChanged', () => {
  it('renames and recolours one profile, leaving the others', () => {
    const change = withProfileChanged(THREE, 'p5', { name: 'Initech EU', colour: 'red' });
    expect(change.ok && change.list.profiles).toEqual([
      THREE.profiles[0],
      THREE.profiles[1],
      { id: 'p5', name: 'Initech EU', colour: 'red' },
    ]);
  });

  it.each<[string, string, string, RegExp]>([
    ['a removed profile', 'p9', 'X', /removed meanwhile/],
    ["another profile's name", 'p5', 'acme', /exists already/],
  ])('refuses %s', (_case, id, name, reason) => {
    const change = withProfileChanged(THREE, id, { name, colour: 'blue' });
    expect(!change.ok && change.reason).toMatch(reason);
  });
});

describe('withProfileRemoved', () => {
  it.each<[string, string, string[], string]>([
    ['another than the active one', 'p5', ['p1', 'p2'], 'p2'],
    ['the active one: the first left becomes active', 'p2', ['p1', 'p5'], 'p1'],
    ['the first profile', 'p1', ['p2', 'p5'], 'p2'],
  ])('removes %s', (_case, id, left, active) => {
    const change = withProfileRemoved(THREE, id);
    expect(change.ok && change.list).toEqual({
      profiles: THREE.profiles.filter((p) => left.includes(p.id)),
      activeId: active,
      lastNumber: 5,
    });
  });

  it.each<[string, ProfileList, string, RegExp]>([
    ['the only profile', INITIAL_PROFILES, 'p1', /only profile cannot be removed/],
    ['an unknown profile', THREE, 'p9', /removed meanwhile/],
  ])('refuses %s', (_case, list, id, reason) => {
    const change = withProfileRemoved(list, id);
    expect(!change.ok && change.reason).toMatch(reason);
  });
});

describe('profileLabel', () => {
  const unnamed: ProfileList = {
    profiles: [
      { id: 'p1', name: '', colour: 'blue' },
      { id: 'p2', name: ' Globex ', colour: 'green' },
    ],
    activeId: 'p1',
  };
  it.each<[string, number, string | undefined, string]>([
    ['its name, trimmed', 1, 'Site X in account Y', 'Globex'],
    ['the scope in words when unnamed', 0, 'Acme Corp', 'Acme Corp'],
    ['its position when unnamed and unconnected', 0, undefined, 'Profile 1'],
    ['its position when the words are blank', 0, '  ', 'Profile 1'],
  ])('is %s', (_case, index, words, expected) => {
    expect(profileLabel(unnamed, unnamed.profiles[index] as never, words)).toBe(expected);
  });
});

describe('normalizeProfileList', () => {
  it.each<[string, unknown, ProfileList]>([
    ['nothing stored (an install from before profiles)', undefined, INITIAL_PROFILES],
    ['an empty list', { profiles: [], activeId: 'p3' }, INITIAL_PROFILES],
    ['a valid list', THREE, THREE],
    [
      'malformed and repeated entries dropped, an unknown colour made blue, a stale activeId replaced',
      {
        profiles: [
          { id: 'p2', name: 'Globex', colour: 'mauve' },
          { id: '../x', name: 'Bad', colour: 'blue' },
          { id: 'p2', name: 'Again', colour: 'red' },
          null,
          { id: 'p3', name: 7, colour: 'red' },
        ],
        activeId: 'p9',
      },
      {
        profiles: [
          { id: 'p2', name: 'Globex', colour: 'blue' },
          { id: 'p3', name: '', colour: 'red' },
        ],
        activeId: 'p2',
      },
    ],
  ])('reads %s', (_case, raw, expected) => {
    expect(normalizeProfileList(raw)).toEqual(expected);
  });

  it('keeps the first profile id for an install from before profiles', () => {
    expect(normalizeProfileList(null).profiles[0]?.id).toBe(FIRST_PROFILE_ID);
  });
});

describe('nextProfileColour', () => {
  it.each<[string, ProfileList, string]>([
    ['the second colour beside the first profile', INITIAL_PROFILES, 'green'],
    ['the first unused one', THREE, 'purple'],
  ])('is %s', (_case, list, expected) => {
    expect(nextProfileColour(list)).toBe(expected);
  });

  it('cycles once every colour is used', () => {
    const full: ProfileList = {
      profiles: PROFILE_COLOURS.map((colour, i) => ({ id: `p${i + 1}`, name: colour, colour })),
      activeId: 'p1',
    };
    expect(nextProfileColour(full)).toBe(PROFILE_COLOURS[0]);
  });

  it('is what an added profile gets unless another colour is asked for', () => {
    expect(withProfileAdded(THREE, 'Umbrella', 'red')).toMatchObject({
      ok: true,
      profile: { colour: 'red' },
    });
  });
});
