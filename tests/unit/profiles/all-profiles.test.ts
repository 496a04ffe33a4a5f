import { describe, expect, it } from 'vitest';
import { ALL_PROFILES, isAllProfiles, searchForAllProfiles } from '../../../lib/profiles/all-profiles';
import { profileIdInSearch } from '../../../lib/profiles/profile-url';

describe('the view across profiles in the URL', () => {
  it.each<[string, boolean]>([
    ['', false],
    ['?profile=p2', false],
    ['?profile=all', true],
    ['?value=x&profile=all&type=DNS', true],
    ['?profile=ALL', false],
    ['?profile=all%20', false],
  ])('isAllProfiles(%j) is %s', (search, expected) => {
    expect(isAllProfiles(search)).toBe(expected);
  });

  it.each<[string, string]>([
    ['', '?profile=all'],
    ['?profile=p3', '?profile=all'],
    ['?value=evil&type=DNS', '?value=evil&type=DNS&profile=all'],
  ])('searchForAllProfiles(%j) is %j', (search, expected) => {
    expect(searchForAllProfiles(search)).toBe(expected);
    expect(isAllProfiles(expected)).toBe(true);
  });

  it('reads as the first profile to every page that shows one profile', () => {
    expect(ALL_PROFILES).toBe('all');
    expect(profileIdInSearch(searchForAllProfiles(''))).toBe('p1');
  });
});
