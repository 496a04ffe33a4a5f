import { describe, expect, it } from 'vitest';
import type { BlockOutcome, RowActionReport, RowActionRequest } from '../../../lib/blocks/actions';
import {
  blockOutcomeText,
  detectOutcomeText,
  rowReportLines,
  summarizeActions,
} from '../../../lib/blocks/outcome-text';
import type { IocDraft } from '../../../lib/s1/schemas';
import type { RowOutcome } from '../../../lib/writes/submit-iocs';

describe('detectOutcomeText', () => {
  it.each<[RowOutcome, string]>([
    [{ status: 'stored', uuid: 'u' }, 'Stored'],
    [{ status: 'rejected', message: 'value: bad' }, 'Rejected: value: bad'],
    [{ status: 'unknown', message: 'could not re-read' }, 'Unknown: could not re-read'],
    [{ status: 'not-sent', message: 'Not sent: token expired' }, 'Not sent: token expired'],
  ])('%j', (outcome, text) => {
    expect(detectOutcomeText(outcome)).toBe(text);
  });
});

describe('blockOutcomeText', () => {
  it.each<[BlockOutcome, string | RegExp]>([
    [{ status: 'created', id: '1' }, 'blocked'],
    [{ status: 'already', message: 'Already on the Blocklist.' }, 'already blocked'],
    [
      { status: 'not-recommended', message: 'Not recommended: … Tick "Block anyway" and submit again.' },
      'held back: Not recommended: … Tick "Block anyway" and submit again.',
    ],
    [{ status: 'refused', message: 'Not allowed' }, 'refused: Not allowed'],
    [{ status: 'unknown', message: 'lost' }, 'unknown: lost'],
    [{ status: 'not-sent', message: 'no permission' }, 'not sent: no permission'],
  ])('%j', (outcome, text) => {
    expect(blockOutcomeText(outcome)).toMatch(text);
  });
});

const full: RowActionReport = {
  detect: { status: 'stored', uuid: 'u' },
  blockExecution: {
    linux: { status: 'refused', message: 'no' },
    windows: { status: 'created', id: '1' },
    macos: { status: 'already', message: 'there' },
  },
  blockNetwork: { status: 'created', id: '9' },
};

describe('rowReportLines', () => {
  it.each<[string, RowActionReport | undefined, string[]]>([
    ['nothing yet', undefined, []],
    ['detect only', { detect: { status: 'stored', uuid: 'u' } }, ['Detect: Stored']],
    [
      'every action, OSes in a fixed order',
      full,
      [
        'Detect: Stored',
        'Block execution: Windows blocked; macOS already blocked; Linux refused: no',
        'Block network: Blocked',
      ],
    ],
  ])('%s', (_name, report, lines) => {
    expect(rowReportLines(report)).toEqual(lines);
  });
});

const draft: IocDraft = { type: 'SHA256', value: 'b'.repeat(64), source: 'S', method: 'EQUALS' };

describe('summarizeActions', () => {
  it.each<[string, RowActionRequest[], RowActionReport[], string]>([
    [
      'detect only',
      [
        { draft, detect: true },
        { draft, detect: true },
      ],
      [{ detect: { status: 'stored', uuid: 'a' } }, { detect: { status: 'rejected', message: 'x' } }],
      'Detect: 1 of 2 stored.',
    ],
    [
      'every action, counted per hash and OS',
      [
        {
          draft,
          detect: true,
          blockExecution: { osTypes: ['windows', 'macos', 'linux'], allowNotRecommended: false },
          blockNetwork: true,
        },
      ],
      [full],
      'Detect: 1 of 1 stored. Block execution: 1 of 3 blocked, 1 already blocked. Block network: 1 of 1 blocked.',
    ],
    ['nothing asked', [], [], ''],
  ])('%s', (_name, requests, reports, text) => {
    expect(summarizeActions(requests, reports)).toBe(text);
  });
});
