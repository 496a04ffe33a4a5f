/** Figures a reliability test reports: printed, and kept on the test's report. */
import { test } from '@playwright/test';

export function reportFigure(label: string, text: string): void {
  process.stdout.write(`[${label}] ${text}\n`);
  test.info().annotations.push({ type: label, description: text });
}
