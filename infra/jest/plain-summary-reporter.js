// Ends the run with one plain line, "N passed, N failed, N skipped", that any CI can read.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`);
  }
}
module.exports = PlainSummaryReporter;
