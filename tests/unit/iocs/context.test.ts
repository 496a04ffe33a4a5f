import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../lib/iocs/extract';
import { buildReview, type ReviewRow } from '../../../lib/iocs/review';

/** The review row for `value` after pasting `text`, as the New IOCs view builds it. */
function rowOf(text: string, value: string): ReviewRow | undefined {
  return buildReview(extractCandidates(text), () => undefined).find((row) => row.value === value);
}

function expectWarned(text: string, value: string, warning: string): void {
  const row = rowOf(text, value);
  expect(row?.warnings).toContain(warning);
  expect(row?.selected).toBe(false);
}

function expectTicked(text: string, value: string): void {
  const row = rowOf(text, value);
  expect(row?.warnings).toEqual([]);
  expect(row?.selected).toBe(true);
}

describe('context: detection names read as domains', () => {
  it.each([
    ['Our products detect it as Win32/Gizmo.TO and more.', 'gizmo.to'],
    ['The script is PowerShell/Bolt.GA in telemetry.', 'bolt.ga'],
    ['Family MSIL/Spy.Widget.CL was seen twice.', 'spy.widget.cl'],
    ['|`aa` |loader.dll |Win32/Widget.TV |Second stage', 'widget.tv'],
    ['Defender names it Trojan:Win32/Widget.FM today.', 'widget.fm'],
  ])('%s -> %s warned, unticked', (text, value) => expectWarned(text, value, 'detection-name'));

  it.each([
    [
      'The implant called hxxp://91.215.40.7/drop/widget-update.ch for its next stage.',
      'http://91.215.40.7/drop/widget-update.ch',
    ],
    [
      'Stage two: widget-update[.]com/get/bolt-cdn.ga was fetched.',
      'http://widget-update.com/get/bolt-cdn.ga',
    ],
    ['C2 servers:\nwidget-update.ch\nbolt-cdn.ga', 'widget-update.ch'],
    ['C2 servers:\nwidget-update.ch\nbolt-cdn.ga', 'bolt-cdn.ga'],
    ['The beacon reaches bolt-cdn[.]ga every hour.', 'bolt-cdn.ga'],
  ])('%s keeps %s ticked', (text, value) => expectTicked(text, value));
});
