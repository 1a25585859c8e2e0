/** The real worker app as a child process, so a test can kill -9 it like a crash would. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { temporalAddress, testActorKeyHex, workflowBundlePath } from './environment';
import { processControls, type ProcessControls } from './child-process';

const repoRoot = path.resolve(__dirname, '../..');

export interface WorkerProcess extends ProcessControls {
  child: ChildProcess;
}

export async function startWorkerProcess(options: { databaseUrl: string; taskQueue: string; temporalAddress?: string; extraEnv?: NodeJS.ProcessEnv }): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: options.temporalAddress ?? temporalAddress(),
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      ACTOR_SIGNING_KEY: testActorKeyHex(),
      WORKFLOW_BUNDLE_PATH: workflowBundlePath(),
      LOG_LEVEL: 'info',
      // The application's own database role, as in production: it cannot rewrite the audit trail.
      DATABASE_APP_ROLE: 'zhengdun_app',
      ...options.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start within 60 s:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker polling')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with code ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return { child, ...processControls(child) };
}
