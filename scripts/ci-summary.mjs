// Reads vitest's JSON report (and the docs examples' counts) and prints the plain
// "N passed, N failed, N skipped" line CI reads, as the last line of .ci/run.
// Fails when a PostgreSQL or Redis suite was skipped: CI must exercise the real services.
import { existsSync, readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? '.tmp/vitest-report.json', 'utf8'));
let passed = 0;
let failed = 0;
let skipped = 0;
const skippedServiceTests = [];
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
