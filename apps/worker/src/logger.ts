import pino from 'pino';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

/** JSON logs; entries from workflows and activities carry the case id (= workflow id). */
export function createWorkerLogger(level: string): pino.Logger {
  const logger = pino({ level, base: { app: 'worker' } });
  const levels: Record<LogLevel, pino.Level> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };
  Runtime.install({
    logger: new DefaultLogger(level === 'debug' || level === 'trace' ? 'DEBUG' : 'INFO', (entry) => {
      const meta = (entry.meta ?? {}) as Record<string, unknown>;
      const caseId = typeof meta.workflowId === 'string' ? meta.workflowId : undefined;
      logger[levels[entry.level]]({ ...meta, ...(caseId ? { caseId } : {}) }, entry.message);
    }),
  });
  return logger;
}
