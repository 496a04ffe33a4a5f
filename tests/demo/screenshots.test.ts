/** The demo's picture names: every view once per scheme, and the scheme read back from the name. */
import { describe, expect, it } from 'vitest';
import { SCHEMES, SHOT_NAMES, schemeOf, VIEWS } from './screenshots';

describe('SHOT_NAMES', () => {
  it('names every view in the light and the dark scheme, once each', () => {
    expect(new Set(SHOT_NAMES).size).toBe(VIEWS.length * SCHEMES.length);
    for (const view of VIEWS)
      expect(SHOT_NAMES).toEqual(expect.arrayContaining([`${view}-light`, `${view}-dark`]));
  });

  it.each([
    ['manager-light', 'light'],
    ['popup-dark', 'dark'],
    ['log-dark', 'dark'],
    ['sheet-light', 'light'],
  ])('%s was taken in the %s scheme', (name, scheme) => {
    expect(schemeOf(name)).toBe(scheme);
  });
});
