/** Stopping the app processes tests start (worker-process.ts, api-process.ts), gently or as a crash. */
import type { ChildProcess } from 'node:child_process';

export interface ProcessControls {
  /** Resolves when the process has exited, for whatever reason. */
  exited: Promise<void>;
  /** SIGKILL: no shutdown hooks, no answers to requests in flight, no flushing — a crash. */
  crash: () => Promise<void>;
  /** SIGTERM: the app's own shutdown. */
  stop: () => Promise<void>;
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

export function processControls(child: ChildProcess, done: Promise<void> = exited(child)): ProcessControls {
  return {
    exited: done,
    crash: async () => {
      child.kill('SIGKILL');
      await done;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await done;
    },
  };
}
