// npm postinstall: makes sure a real Temporal dev server is available to `npm start` and `npm test`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { findTemporalCli, buildTemporalCliWithGo } = require('../../libs/temporal/src/temporal-cli.js');

const INSTALL_HINT =
  'No Temporal CLI found. Install one of: Go >= 1.22 (then run `npm ci` again to build it), ' +
  'the `temporal` CLI on PATH, or set TEMPORAL_CLI_PATH to its binary.';

async function downloadWithSdk() {
  // Machines with internet: let the SDK fetch and cache its own dev server build.
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal();
  await env.teardown();
  return { path: 'sdk-download', source: 'downloaded by @temporalio/testing' };
}

async function main() {
  const found = findTemporalCli();
  if (found) {
    console.log(`[temporal-cli] using ${found.path} (${found.source})`);
    return;
  }
  try {
    const built = buildTemporalCliWithGo();
    if (built) {
      console.log(`[temporal-cli] built ${built.path}`);
      return;
    }
  } catch (error) {
    console.error(`[temporal-cli] go install failed: ${error.message}`);
  }
  try {
    const downloaded = await downloadWithSdk();
    console.log(`[temporal-cli] ${downloaded.source}`);
  } catch (error) {
    console.error(`[temporal-cli] ${INSTALL_HINT}\n(download attempt: ${error.message})`);
    process.exit(1);
  }
}

await main();
