import { describe, expect, it } from 'vitest';
import { reviewInputOf } from '../../../lib/blocks/file-import';
import { buildReview } from '../../../lib/iocs/review';

const NOW = new Date('2026-05-01T00:00:00.000Z');
const INDICATOR = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  pattern: "[domain-name:value = 'evil[.]badcorp.top']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00.000Z',
  labels: ['c2'],
};
const COMPOUND = {
  ...INDICATOR,
  id: 'indicator--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  pattern: "[domain-name:value = 'a.example'] AND [ipv4-addr:value = '1.2.3.4']",
};
const BUNDLE = JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [INDICATOR, COMPOUND] });
const EVENT = JSON.stringify({
  Event: {
    info: 'Wave',
    Attribute: [
      { type: 'domain', value: 'evil.badcorp.top', to_ids: true },
      { type: 'ip-dst', value: '45.77.12.9', to_ids: false },
    ],
  },
});

/** What the review would show: each row's value, status and tick, its own labels, and the status line. */
function outcome(text: string, name: string | null) {
  const input = reviewInputOf(text, name, NOW);
  if (input.kind !== 'rows') return input.kind === 'text' ? 'text' : `${input.note.kind}: ${input.note.text}`;
  const review = buildReview(input.candidates, () => undefined);
  const overrides = input.overrides(review);
  return {
    note: input.note.text,
    rows: review.map((r) => `${r.value}:${r.status}:${r.selected}:${overrides.get(r.key)?.labels ?? ''}`),
  };
}

describe('reviewInputOf', () => {
  it.each<[string, string, string | null, unknown]>([
    [
      'a STIX file',
      BUNDLE,
      'bundle.json',
      {
        note: 'bundle.json: STIX 2.1 bundle, 2 rows to review (1 not importable).',
        rows: ['evil.badcorp.top:valid:true:c2', `${COMPOUND.pattern}:not-importable:false:c2`],
      },
    ],
    [
      'a pasted STIX bundle',
      BUNDLE,
      null,
      expect.objectContaining({ note: 'Pasted text: STIX 2.1 bundle, 2 rows to review (1 not importable).' }),
    ],
    [
      'a MISP file: the to_ids false row unticked',
      EVENT,
      'event.json',
      {
        note: 'event.json: MISP event, 2 rows to review (1 left unticked as the file marks them not for detection).',
        rows: ['evil.badcorp.top:valid:true:', '45.77.12.9:valid:false:'],
      },
    ],
    [
      'a CSV with its context',
      'value,labels\nevil.badcorp.top,a; b\n',
      'feed.csv',
      { note: 'feed.csv: 1 row to review.', rows: ['evil.badcorp.top:valid:true:a,b'] },
    ],
    [
      'a CSV with no readable row',
      'name\nx\n',
      'feed.csv',
      'error: feed.csv: line 1: the header row has no "value" column',
    ],
    [
      'a broken JSON file',
      '{"type": "bundle", "objects": [}',
      'bundle.json',
      'error: bundle.json was not imported, nothing changed. line 1, column 32: not valid JSON',
    ],
    ['a pasted report', 'evil.badcorp.top was seen', null, 'text'],
    ['a pasted JSON of another kind', '{"iocs": ["evil.badcorp.top"]}', null, 'text'],
    ['a pasted broken JSON', '{"iocs": ["evil.badcorp.top"', null, 'text'],
    ['a pasted defanged list in brackets', '[evil[.]badcorp.top]', null, 'text'],
    [
      'a pasted bundle with a bad pattern',
      JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [{ ...INDICATOR, pattern: '[' }] }),
      null,
      'error: Pasted text was not imported, nothing changed. objects[0].pattern',
    ],
  ])('%s', (_case, text, name, expected) => {
    const got = outcome(text, name);
    if (typeof expected === 'string' && typeof got === 'string')
      expect(got.startsWith(expected), got).toBe(true);
    else expect(got).toEqual(expected);
  });
});
