/**
 * Reads `npm audit --omit=dev --json` on stdin and decides: failed on any high or critical
 * vulnerability in the production dependencies (what ships in the extension), passed otherwise,
 * skipped when the registry gave no audit answer (a mirror or proxy without the audit endpoint, or
 * no network), saying why. Prints one line (and the packages when it fails), writes {passed, failed}
 * to the file named by the first argument for tests/ci-summary.mjs, and exits 1 only when failed.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export type AuditVerdict = { outcome: 'passed' | 'failed' | 'skipped'; lines: string[] };

interface AuditReport {
  message?: string;
  error?: { code?: string; summary?: string; detail?: string };
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  vulnerabilities?: Record<string, { severity?: Severity; range?: string; via?: unknown[] }>;
}
type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';
const BLOCKING: readonly Severity[] = ['high', 'critical'];

export function auditVerdict(output: string): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(output) as AuditReport;
  } catch {
    return skipped('npm audit printed no report');
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const why = report.message || report.error?.summary || report.error?.code || 'no report in its answer';
    return skipped(`the registry's audit endpoint did not answer (${why})`);
  }
  const count = (severity: Severity) => counts[severity] ?? 0;
  const summary = (['critical', 'high', 'moderate', 'low'] as const)
    .map((severity) => `${count(severity)} ${severity}`)
    .join(', ');
  if (BLOCKING.every((severity) => count(severity) === 0)) {
    return {
      outcome: 'passed',
      lines: [`npm audit --omit=dev: no high or critical vulnerability (${summary})`],
    };
  }
  const packages = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity && BLOCKING.includes(v.severity))
    .map(([name, v]) => `  ${v.severity} ${name} ${v.range ?? ''}: ${advisories(v.via)}`.trimEnd());
  return { outcome: 'failed', lines: [`npm audit --omit=dev: FAILED (${summary})`, ...packages] };
}

const skipped = (why: string): AuditVerdict => ({
  outcome: 'skipped',
  lines: [`npm audit --omit=dev: skipped: ${why}`],
});

/** The advisories' titles, or the packages the vulnerability comes through. */
function advisories(via: unknown[] = []): string {
  return via
    .map((entry) =>
      typeof entry === 'string' ? `via ${entry}` : String((entry as { title?: unknown }).title ?? ''),
    )
    .filter(Boolean)
    .join('; ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const verdict = auditVerdict(readFileSync(0, 'utf8'));
  for (const line of verdict.lines) console.warn(line);
  const reportFile = process.argv[2];
  if (reportFile) {
    const failed = verdict.outcome === 'failed' ? 1 : 0;
    const passed = verdict.outcome === 'passed' ? 1 : 0;
    writeFileSync(
      reportFile,
      JSON.stringify({ passed, failed, checks: [{ name: 'npm audit', ...verdict }] }),
    );
  }
  process.exitCode = verdict.outcome === 'failed' ? 1 : 0;
}
