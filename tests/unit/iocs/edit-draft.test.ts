import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../config/settings';
import type { ContextText } from '../../../lib/iocs/context-fields';
import { draftSettings } from '../../../lib/iocs/drafts';
import { editDraft, editFieldsOf } from '../../../lib/iocs/edit-draft';
import { RICH_FIELDS } from '../../../lib/iocs/rich-fields';
import type { IocDraft } from '../../../lib/s1/schemas';
import { makeIoc } from './fixtures';

const NOW = new Date('2026-05-01T12:00:00.000Z');
const SETTINGS = draftSettings(DEFAULT_SETTINGS);
const IOC = makeIoc({
  severity: 4,
  threatActors: ['APT28', 'Sofacy'],
  labels: ['phishing'],
  malwareNames: ['X-Agent'],
  category: [],
});
const richOf = (draft: IocDraft) =>
  Object.fromEntries(RICH_FIELDS.flatMap(({ key }) => (key in draft ? [[key, draft[key]]] : [])));

describe('editFieldsOf', () => {
  it('prefills the form with the IOC, its context as text', () => {
    expect(editFieldsOf(IOC, DEFAULT_SETTINGS)).toEqual({
      name: 'Ransom C2',
      description: 'Seen in campaign X',
      creator: 'Analyst One',
      source: 'Feed_A',
      score: DEFAULT_SETTINGS.iocDefaults.score,
      validityDays: null,
      externalId: 'ext-1',
      context: {
        severity: 4,
        lists: { threatActors: 'APT28, Sofacy', labels: 'phishing', malwareNames: 'X-Agent' },
      },
    });
  });
});

describe('editDraft', () => {
  const typed = (change: (context: ContextText) => ContextText) => {
    const fields = editFieldsOf(IOC, DEFAULT_SETTINGS);
    return { ...fields, context: change(fields.context ?? { severity: null, lists: {} }) };
  };
  it.each<[string, (context: ContextText) => ContextText, Record<string, unknown>]>([
    [
      'untouched: every field re-sent as it was',
      (c) => c,
      { severity: 4, threatActors: ['APT28', 'Sofacy'], labels: ['phishing'], malwareNames: ['X-Agent'] },
    ],
    [
      'malware changed, labels emptied: [] clears them',
      (c) => ({ ...c, lists: { ...c.lists, malwareNames: 'Zebrocy; X-Agent', labels: '' } }),
      { severity: 4, threatActors: ['APT28', 'Sofacy'], labels: [], malwareNames: ['Zebrocy', 'X-Agent'] },
    ],
    [
      'a list added, severity changed',
      (c) => ({ severity: 6, lists: { ...c.lists, campaignNames: 'Op Pawn' } }),
      {
        severity: 6,
        threatActors: ['APT28', 'Sofacy'],
        labels: ['phishing'],
        malwareNames: ['X-Agent'],
        campaignNames: ['Op Pawn'],
      },
    ],
  ])('%s', (_name, change, expected) => {
    expect(richOf(editDraft(IOC, typed(change), SETTINGS, NOW))).toEqual(expected);
  });

  it('keeps the identity whatever the form holds', () => {
    const draft = editDraft(
      IOC,
      { ...editFieldsOf(IOC, DEFAULT_SETTINGS), source: 'Other', externalId: 'x' },
      SETTINGS,
      NOW,
    );
    expect([draft.value, draft.source, draft.externalId]).toEqual(['evil.example.ru', 'Feed_A', 'ext-1']);
  });
});
