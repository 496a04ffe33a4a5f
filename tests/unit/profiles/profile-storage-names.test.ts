import { describe, expect, it } from 'vitest';
import { profileOfAlarm, storageNamesOf } from '../../../lib/profiles/profile-storage-names';
import { profileIdInSearch, searchForProfile } from '../../../lib/profiles/profile-url';

describe('storageNamesOf', () => {
  it('keeps every name an install had before profiles for the first profile (nothing moves on upgrade)', () => {
    expect(storageNamesOf('p1')).toEqual({
      settingsKey: 'local:settings',
      syncStatusKey: 'local:syncStatus',
      database: 's1-ioc-manager',
      tokenKey: 'current',
      alarm: 'sync',
    });
  });

  it('gives every other profile names of its own', () => {
    expect(storageNamesOf('p12')).toEqual({
      settingsKey: 'local:settings.p12',
      syncStatusKey: 'local:syncStatus.p12',
      database: 's1-ioc-manager.p12',
      tokenKey: 'token.p12',
      alarm: 'sync.p12',
    });
  });

  it('never gives two profiles the same name for anything', () => {
    const all = ['p1', 'p2', 'p10', 'p11', 'p100'].flatMap((id) => Object.values(storageNamesOf(id)));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('profileOfAlarm', () => {
  it.each<[string, string | null]>([
    ['sync', 'p1'],
    ['sync.p3', 'p3'],
    ['sync.p4', null],
    ['something-else', null],
  ])('%s belongs to %s', (alarm, expected) => {
    expect(profileOfAlarm(alarm, ['p1', 'p2', 'p3'])).toBe(expected);
  });
});

describe('profile in the URL', () => {
  it.each<[string, string]>([
    ['', 'p1'],
    ['?profile=p3', 'p3'],
    ['?id=abc&profile=p12', 'p12'],
    ['?profile=../p3', 'p1'],
    ['?profile=p0', 'p1'],
    ['?profile=', 'p1'],
  ])('%j names %s', (search, expected) => {
    expect(profileIdInSearch(search)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['', 'p1', ''],
    ['', 'p2', '?profile=p2'],
    ['?profile=p2', 'p1', ''],
    ['?id=abc', 'p3', '?id=abc&profile=p3'],
    ['?id=abc&profile=p3', 'p1', '?id=abc'],
  ])('%j pointed at %s is %j', (search, profileId, expected) => {
    expect(searchForProfile(search, profileId)).toBe(expected);
    expect(profileIdInSearch(expected)).toBe(profileId);
  });
});
