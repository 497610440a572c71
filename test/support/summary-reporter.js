// Prints one plain closing line ("Tests: N passed, N failed, N skipped") after jest's own
// summary, so that any CI reading the last lines knows how many tests ran and how they ended.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numFailedTestSuites - countFailedTestsSuites(results);
    const failed = results.numFailedTests + Math.max(0, failedSuites);
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

// A suite that fails to load has no failed tests of its own; count it as one failure.
function countFailedTestsSuites(results) {
  return results.testResults.filter((suite) => suite.numFailingTests > 0).length;
}
