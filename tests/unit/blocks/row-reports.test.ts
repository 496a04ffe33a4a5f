import { describe, expect, it } from 'vitest';
import type { RowActionReport, RowActionRequest } from '../../../lib/blocks/actions';
import { mergeReports, needsAttention, reportHasProblem } from '../../../lib/blocks/row-reports';
import type { IocDraft } from '../../../lib/s1/schemas';

const full: RowActionReport = {
  detect: { status: 'stored', uuid: 'u' },
  blockExecution: {
    linux: { status: 'refused', message: 'no' },
    windows: { status: 'created', id: '1' },
    macos: { status: 'already', message: 'there' },
  },
  blockNetwork: { status: 'created', id: '9' },
};

describe('reportHasProblem', () => {
  it.each<[string, RowActionReport | undefined, boolean]>([
    ['nothing', undefined, false],
    [
      'all through',
      { detect: { status: 'stored', uuid: 'u' }, blockNetwork: { status: 'already', message: '' } },
      false,
    ],
    ['one OS refused', full, true],
    ['detect rejected', { detect: { status: 'rejected', message: 'x' } }, true],
  ])('%s', (_name, report, problem) => {
    expect(reportHasProblem(report)).toBe(problem);
  });
});

describe('mergeReports: a later press laid over the earlier one, action by action', () => {
  it.each<[string, RowActionReport | undefined, RowActionReport | undefined, RowActionReport]>([
    [
      'first press',
      undefined,
      { detect: { status: 'stored', uuid: 'a' } },
      { detect: { status: 'stored', uuid: 'a' } },
    ],
    ['nothing new', full, undefined, full],
    [
      'the refused OS sent again, the rest kept',
      full,
      { blockExecution: { linux: { status: 'created', id: '7' } } },
      { ...full, blockExecution: { ...full.blockExecution, linux: { status: 'created', id: '7' } } },
    ],
  ])('%s', (_name, earlier, later, merged) => {
    expect(mergeReports(earlier, later)).toEqual(merged);
  });
});

const draft: IocDraft = { type: 'SHA1', value: 'c'.repeat(40), source: 'S', method: 'EQUALS' };

describe('needsAttention', () => {
  it.each<[string, RowActionRequest | undefined, RowActionReport | undefined, boolean]>([
    ['no request', undefined, undefined, false],
    ['detect stored', { draft, detect: true }, { detect: { status: 'stored', uuid: 'u' } }, false],
    ['detect missing from the report', { draft, detect: true }, {}, true],
    [
      'an OS asked for but not answered',
      { draft, detect: false, blockExecution: { osTypes: ['windows', 'linux'], allowNotRecommended: false } },
      { blockExecution: { windows: { status: 'created', id: '1' } } },
      true,
    ],
    [
      'already blocked counts as through',
      { draft, detect: false, blockNetwork: true },
      { blockNetwork: { status: 'already', message: '' } },
      false,
    ],
  ])('%s', (_name, request, report, attention) => {
    expect(needsAttention(request, report)).toBe(attention);
  });
});
