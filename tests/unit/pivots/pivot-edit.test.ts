import { describe, expect, it } from 'vitest';
import { MAX_PIVOTS, type PivotTemplate } from '../../../config/pivots';
import { applyPivotDraft, pivotDraftOf, removePivot } from '../../../lib/pivots/pivot-edit';

const A: PivotTemplate = { name: 'A', url: 'https://a.example/{value}', types: ['DNS'] };
const B: PivotTemplate = { name: 'B', url: 'https://b.example/{value}', types: ['IPV4'] };

describe('applyPivotDraft', () => {
  it.each([
    ['adds at the end', [A], { ...B }, undefined, { ok: true, list: [A, B] }],
    ['edits in place', [A, B], { ...A, name: 'C' }, 0, { ok: true, list: [{ ...A, name: 'C' }, B] }],
    ['keeps a template edited to itself', [A, B], pivotDraftOf(A), 0, { ok: true, list: [A, B] }],
    [
      'refuses an http link',
      [A],
      { ...B, url: 'http://b.example/{value}' },
      undefined,
      {
        ok: false,
        message: 'The link must start with https://: an http:// link sends the value in clear text.',
      },
    ],
    [
      'refuses a link without {value}',
      [A],
      { ...B, url: 'https://b.example/' },
      undefined,
      { ok: false, message: 'The link must hold {value}, where the IOC goes.' },
    ],
    [
      'refuses a name clash on a type',
      [A],
      { ...B, name: 'a', types: ['IPV4', 'DNS'] },
      undefined,
      { ok: false, message: expect.stringMatching(/Two links named “a” are for DNS/) },
    ],
    [
      'refuses no type',
      [A],
      { ...B, types: [] },
      undefined,
      { ok: false, message: 'Tick at least one IOC type the link is for.' },
    ],
  ] as const)('%s', (_case, list, draft, at, expected) => {
    const result = applyPivotDraft(list, { ...draft, types: [...draft.types] }, at);
    expect(result).toEqual(expected);
  });

  it('refuses one more than the cap', () => {
    const full = Array.from({ length: MAX_PIVOTS }, (_, i) => ({ ...A, name: `S${i}` }));
    expect(applyPivotDraft(full, pivotDraftOf(B))).toEqual({
      ok: false,
      message: `At most ${MAX_PIVOTS} links: remove one first.`,
    });
  });
});

describe('removePivot', () => {
  it.each([
    [0, [B]],
    [1, [A]],
    [5, [A, B]],
  ])('at %i', (at, expected) => {
    expect(removePivot([A, B], at)).toEqual(expected);
  });
});
