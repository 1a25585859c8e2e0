/**
 * Structured JSON logs (pino): one line per request with its id, status and time, and the case id
 * whenever the path names a case, so that every line about a case can be found by `caseId`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@zhengdun/config';

const CASE_IN_PATH = /\/cases\/([^/?#]+)/;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function caseIdFromUrl(url: string | undefined): string | undefined {
  const match = url ? CASE_IN_PATH.exec(url) : null;
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]).slice(0, 200);
  } catch {
    return undefined;
  }
}

export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customProps: (req: IncomingMessage) => {
        const caseId = caseIdFromUrl(req.url);
        return caseId ? { caseId } : {};
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    },
  };
}
