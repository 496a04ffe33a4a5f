// Prints the one closing line CI reads, "N passed, N failed", from the unit and e2e JSON reports,
// plus any further reports of the shape {passed, failed} (.ci/fresh-clone's screenshot check, .ci/audit's).
// A stage of `npm test` that failed before writing its report (type check, lint, build) counts as
// one failure, so a red run can never print "0 failed"; so does a further report that is missing.
import { existsSync, readFileSync } from 'node:fs';

const [unitPath, e2ePath, exitCode, ...otherPaths] = process.argv.slice(2);
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const unit = read(unitPath);
const e2e = read(e2ePath);
let passed = 0;
let failed = 0;
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  // A test file that fails to load has no failed test in it, yet fails the run.
  failed += unit.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
}
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  failed += e2e.errors?.length ?? 0;
}
for (const file of otherPaths) {
  const other = read(file);
  passed += other?.passed ?? 0;
  failed += other ? other.failed : 1;
}
if (Number(exitCode) !== 0 && failed === 0) failed = 1;
// biome-ignore lint/suspicious/noConsole: this line is the script's whole output, read by CI.
console.log(`${passed} passed, ${failed} failed`);
