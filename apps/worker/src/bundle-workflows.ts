/** Prebuilds the workflow bundle for production: start the worker with WORKFLOW_BUNDLE_PATH=<file>. */
import fs from 'node:fs';
import path from 'node:path';
import { bundleCaseWorkflows } from '@zhengdun/temporal';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const { code } = await bundleCaseWorkflows();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  console.log(`workflow bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
