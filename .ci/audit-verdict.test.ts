import { describe, expect, it } from 'vitest';
import { auditVerdict } from './audit-verdict';

const counts = (high: number, critical: number, moderate = 0) => ({
  info: 0,
  low: 1,
  moderate,
  high,
  critical,
  total: 1 + moderate + high + critical,
});

describe('auditVerdict', () => {
  it.each([
    [
      'a registry without the audit endpoint',
      JSON.stringify({
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
      }),
      'skipped',
      /^npm audit --omit=dev: skipped: the registry's audit endpoint did not answer \(405 Method Not Allowed/,
    ],
    [
      'no network',
      JSON.stringify({
        error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed' },
      }),
      'skipped',
      /skipped: .*\(request to https:\/\/registry\.npmjs\.org failed\)$/,
    ],
    ['no output at all', '', 'skipped', /skipped: npm audit printed no report$/],
    [
      'only low and moderate findings',
      JSON.stringify({ vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 0, 2) } }),
      'passed',
      /^npm audit --omit=dev: no high or critical vulnerability \(0 critical, 0 high, 2 moderate, 1 low\)$/,
    ],
    [
      'a high one',
      JSON.stringify({
        vulnerabilities: {
          yaml: { severity: 'high', range: '<2.2.2', via: [{ title: 'Uncaught exception in yaml' }] },
          loose: { severity: 'moderate', range: '*', via: ['yaml'] },
        },
        metadata: { vulnerabilities: counts(1, 0, 1) },
      }),
      'failed',
      /^npm audit --omit=dev: FAILED \(0 critical, 1 high, 1 moderate, 1 low\)$/,
    ],
    [
      'a critical one',
      JSON.stringify({ vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 1) } }),
      'failed',
      /FAILED \(1 critical, 0 high/,
    ],
  ])('%s: %s', (_, output, outcome, firstLine) => {
    const verdict = auditVerdict(output);
    expect(verdict.outcome).toBe(outcome);
    expect(verdict.lines[0]).toMatch(firstLine);
  });

  it('names each high or critical package with its advisory, and not the lesser ones', () => {
    const verdict = auditVerdict(
      JSON.stringify({
        vulnerabilities: {
          yaml: { severity: 'high', range: '<2.2.2', via: [{ title: 'Uncaught exception in yaml' }] },
          wrapper: { severity: 'critical', range: '1.x', via: ['yaml'] },
          loose: { severity: 'moderate', range: '*', via: ['yaml'] },
        },
        metadata: { vulnerabilities: counts(1, 1, 1) },
      }),
    );
    expect(verdict.lines.slice(1)).toEqual([
      '  high yaml <2.2.2: Uncaught exception in yaml',
      '  critical wrapper 1.x: via yaml',
    ]);
  });
});
