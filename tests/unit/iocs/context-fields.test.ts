import { describe, expect, it } from 'vitest';
import {
  type ContextDraft,
  type ContextText,
  clearedLists,
  contextDraft,
  contextLines,
  contextOfIoc,
  contextTextOf,
  emptyContext,
  hasContext,
  holdsContext,
  MAX_ITEM_LENGTH,
  MAX_LIST_ITEMS,
  validateContext,
} from '../../../lib/iocs/context-fields';
import type { Ioc } from '../../../lib/s1/schemas';

type Held = Partial<Ioc>;
const ctx = (severity: number | null, lists: ContextText['lists'] = {}): ContextText => ({ severity, lists });

describe('contextTextOf', () => {
  it.each<[string, Held, ContextText]>([
    ['nothing set', {}, ctx(null)],
    ['nulls and empty lists', { severity: null, labels: [], threatActors: null }, ctx(null)],
    ['severity 0 is a severity', { severity: 0 }, ctx(0)],
    [
      'lists joined with ", "',
      { severity: 4, threatActors: ['APT28', 'Sofacy'], reference: ['https://x.example/r'] },
      ctx(4, { threatActors: 'APT28, Sofacy', reference: 'https://x.example/r' }),
    ],
  ])('%s', (_name, ioc, expected) => {
    expect(contextTextOf(ioc)).toEqual(expected);
  });
});

describe('hasContext', () => {
  it.each<[string, ContextText | undefined, boolean]>([
    ['absent', undefined, false],
    ['empty', emptyContext(), false],
    ['only separators typed', ctx(null, { labels: ' , ; ' }), false],
    ['severity 0', ctx(0), true],
    ['one list', ctx(null, { malwareNames: 'X-Agent' }), true],
  ])('%s → %j', (_name, context, expected) => {
    expect(hasContext(context)).toBe(expected);
  });
});

describe('contextDraft', () => {
  it.each<[string, ContextText | undefined, ContextDraft]>([
    ['absent: nothing sent', undefined, {}],
    ['empty: nothing sent, not even []', ctx(null, { labels: '', category: '  ' }), {}],
    ['severity 0 sent', ctx(0), { severity: 0 }],
    [
      'lists split, trimmed, repeats dropped',
      ctx(4, { threatActors: 'APT28, Sofacy; APT28', labels: 'phishing\ninitial-access' }),
      { severity: 4, threatActors: ['APT28', 'Sofacy'], labels: ['phishing', 'initial-access'] },
    ],
  ])('%s', (_name, context, expected) => {
    expect(contextDraft(context)).toEqual(expected);
  });
});

describe('contextOfIoc', () => {
  it.each<[string, Held, ContextDraft]>([
    ['nothing set', {}, {}],
    ['nulls and empty lists are not re-sent', { severity: null, labels: [], campaignNames: null }, {}],
    [
      'every field it has',
      {
        severity: 0,
        labels: ['a'],
        category: ['b'],
        threatActors: ['c'],
        malwareNames: ['d'],
        campaignNames: ['e'],
        intrusionSets: ['f'],
        mitreTactic: ['g'],
        reference: ['h'],
      },
      {
        severity: 0,
        labels: ['a'],
        category: ['b'],
        threatActors: ['c'],
        malwareNames: ['d'],
        campaignNames: ['e'],
        intrusionSets: ['f'],
        mitreTactic: ['g'],
        reference: ['h'],
      },
    ],
  ])('%s', (_name, ioc, expected) => {
    expect(contextOfIoc(ioc)).toEqual(expected);
  });
});

describe('clearedLists', () => {
  it.each<[string, Held, ContextText, ContextDraft]>([
    ['nothing had, nothing typed', {}, ctx(null), {}],
    ['had, kept', { labels: ['a'] }, ctx(null, { labels: 'a' }), {}],
    ['had, emptied: [] clears it', { labels: ['a'] }, ctx(null, { labels: ' ' }), { labels: [] }],
    ['had, key absent: [] clears it', { threatActors: ['x'] }, ctx(null), { threatActors: [] }],
    ['had none, empty: not sent', { labels: [], reference: null }, ctx(null), {}],
    ['severity is never cleared', { severity: 3 }, ctx(null), {}],
  ])('%s', (_name, ioc, context, expected) => {
    expect(clearedLists(ioc, context)).toEqual(expected);
  });
});

describe('holdsContext', () => {
  it.each<[string, ContextDraft, Held, boolean]>([
    ['nothing sent', {}, { labels: ['x'] }, true],
    ['severity held', { severity: 4 }, { severity: 4 }, true],
    ['severity changed', { severity: 4 }, { severity: 3 }, false],
    ['severity dropped', { severity: 0 }, {}, false],
    ['list held in another order', { labels: ['a', 'b'] }, { labels: ['b', 'a'] }, true],
    ['list item missing', { labels: ['a', 'b'] }, { labels: ['a'] }, false],
    ['list item extra', { labels: ['a'] }, { labels: ['a', 'b'] }, false],
    ['list dropped', { malwareNames: ['X'] }, {}, false],
    ['cleared: [] held', { labels: [] }, { labels: [] }, true],
    ['cleared: null held', { labels: [] }, { labels: null }, true],
    ['cleared: absent', { labels: [] }, {}, true],
    ['not cleared', { labels: [] }, { labels: ['a'] }, false],
  ])('%s → %j', (_name, draft, ioc, expected) => {
    expect(holdsContext(draft, ioc)).toBe(expected);
  });
});

describe('validateContext', () => {
  const many = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `v${i}`).join(',');
  const enough = Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `v${i}`).join(',');
  it.each<[string, ContextText | undefined, string | null]>([
    ['absent', undefined, null],
    ['empty', emptyContext(), null],
    ['severity 0', ctx(0), null],
    ['severity 7', ctx(7), null],
    ['severity 8', ctx(8), 'Severity must be a whole number from 0 to 7.'],
    ['severity -1', ctx(-1), 'Severity must be a whole number from 0 to 7.'],
    ['severity 2.5', ctx(2.5), 'Severity must be a whole number from 0 to 7.'],
    ['severity NaN', ctx(Number.NaN), 'Severity must be a whole number from 0 to 7.'],
    [`${MAX_LIST_ITEMS} labels`, ctx(null, { labels: enough }), null],
    [
      `${MAX_LIST_ITEMS + 1} threat actors`,
      ctx(null, { threatActors: many }),
      `Threat actors can hold at most ${MAX_LIST_ITEMS} items.`,
    ],
    ['an item at the length limit', ctx(null, { reference: 'r'.repeat(MAX_ITEM_LENGTH) }), null],
    [
      'an item past the length limit',
      ctx(null, { reference: 'r'.repeat(MAX_ITEM_LENGTH + 1) }),
      `Each item of References must be at most ${MAX_ITEM_LENGTH} characters.`,
    ],
  ])('%s → %j', (_name, context, expected) => {
    expect(validateContext(context)).toBe(expected);
  });
});

describe('contextLines', () => {
  it.each<[string, Held, Array<{ label: string; text: string }>]>([
    ['nothing set', { labels: [], severity: null }, []],
    [
      'set fields in RICH_FIELDS order, severity in words',
      { threatActors: ['APT28', 'Sofacy'], severity: 4, reference: ['https://r.example'] },
      [
        { label: 'Severity', text: '4 (High)' },
        { label: 'Threat actors', text: 'APT28, Sofacy' },
        { label: 'References', text: 'https://r.example' },
      ],
    ],
    ['severity 0 shown', { severity: 0 }, [{ label: 'Severity', text: '0 (Unknown)' }]],
  ])('%s', (_name, ioc, expected) => {
    expect(contextLines(ioc)).toEqual(expected);
  });
});
