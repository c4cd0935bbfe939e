// Reads vitest's JSON reports (the main suite's, the security suite's, the load suite's; each path an argument) and the
// docs examples' counts, and prints the plain "N passed, N failed, N skipped" line CI reads, as the last
// line of .ci/run. A report that is missing counts as one failure: its run crashed before writing it.
// Fails when a PostgreSQL or Redis suite was skipped: CI must exercise the real services.
import { existsSync, readFileSync } from 'node:fs';

const reports = process.argv.length > 2 ? process.argv.slice(2) : ['.tmp/vitest-report.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
const skippedServiceTests = [];
for (const path of reports) {
  if (!existsSync(path)) {
    console.error(`${path} is missing: its test run did not finish`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const file of report.testResults) {
    for (const t of file.assertionResults) {
      if (t.status === 'passed') passed++;
      else if (t.status === 'failed') failed++;
      else {
        skipped++;
        if (/postgres|redis/i.test(t.fullName)) skippedServiceTests.push(t.fullName);
      }
    }
    if (file.status === 'failed' && file.assertionResults.length === 0) failed++;
  }
}
if (process.env.REQUIRE_SERVICE_SUITES === '1' && skippedServiceTests.length > 0) {
  console.error(`PostgreSQL/Redis tests were skipped:\n  ${skippedServiceTests.join('\n  ')}`);
  failed += skippedServiceTests.length;
}
// The docs examples run against a live server; their counts join the total when present.
const examples = '.tmp/doc-examples.json';
if (existsSync(examples)) {
  const counts = JSON.parse(readFileSync(examples, 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
