import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../config/settings';
import { defaultFields, draftSettings, toDrafts } from '../../../lib/iocs/drafts';
import { findIn } from '../../../lib/iocs/existing-lookup';
import { buildReview, heldAs } from '../../../lib/iocs/review';
import type { Ioc, IocType } from '../../../lib/s1/schemas';
import { makeIoc } from './fixtures';

/*
 * The console keeps a value as it was sent and upserts on type + value + source, while the review
 * finds a held IOC by its folded value key. An existing row must therefore be sent as held, or the
 * console would create a second IOC beside the one the review said it would update.
 */

const SHA256 = 'beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef';
const NOW = new Date('2026-05-01T12:00:00.000Z');

/** The value Submit sends for `pasted` when the cache holds `cached` (none: nothing cached). */
function sentValue(pasted: string, type: IocType, cached: Ioc[]): { sent: string; shownAs: string | null } {
  const [row] = buildReview([{ value: pasted, type }], findIn(cached));
  if (row?.status !== (cached.some((ioc) => ioc.type === type) ? 'existing' : 'valid'))
    throw new Error(`${pasted} was judged ${row?.status}`);
  const [draft] = toDrafts([row], defaultFields(DEFAULT_SETTINGS), draftSettings(DEFAULT_SETTINGS), NOW);
  return { sent: draft?.value ?? '', shownAs: heldAs(row) };
}

const held = (value: string, type: IocType) => [makeIoc({ value, type, source: 'MISP' })];

describe('an existing row is sent as the console holds it', () => {
  it.each<[string, string, IocType, Ioc[], string, string | null]>([
    [
      'an IPv6 address held with a leading zero, pasted canonical',
      '2001:db8:0:1eb7::dc4',
      'IPV6',
      held('2001:db8:0:1eb7::0dc4', 'IPV6'),
      '2001:db8:0:1eb7::0dc4',
      '2001:db8:0:1eb7::0dc4',
    ],
    [
      'an IPv6 address held in full, pasted canonical',
      '2001:db8::1',
      'IPV6',
      held('2001:0DB8:0000:0000:0000:0000:0000:0001', 'IPV6'),
      '2001:0DB8:0000:0000:0000:0000:0000:0001',
      '2001:0DB8:0000:0000:0000:0000:0000:0001',
    ],
    [
      'a SHA256 held in upper case, pasted in lower case',
      SHA256,
      'SHA256',
      held(SHA256.toUpperCase(), 'SHA256'),
      SHA256.toUpperCase(),
      SHA256.toUpperCase(),
    ],
    [
      'a domain held in mixed case',
      'example.com',
      'DNS',
      held('Example.COM', 'DNS'),
      'Example.COM',
      'Example.COM',
    ],
    ['a domain held as pasted', 'example.com', 'DNS', held('example.com', 'DNS'), 'example.com', null],
    ['a value not held is sent as reviewed', 'Example.COM', 'DNS', [], 'example.com', null],
    [
      'a value held under another type is sent as reviewed',
      '2001:db8:0:1eb7::0dc4',
      'IPV6',
      held('2001:db8:0:1eb7::0dc4', 'DNS'),
      '2001:db8:0:1eb7::dc4',
      null,
    ],
  ])('%s', (_name, pasted, type, cached, sent, shownAs) => {
    expect(sentValue(pasted, type, cached)).toEqual({ sent, shownAs });
  });
});
