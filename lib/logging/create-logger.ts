// Structured JSON logs (pino). Secrets that may pass through request logs are redacted here once.
import { pino, type Logger } from 'pino';

export function createLogger({ level = 'info', name }: { level?: string; name: string }): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'password', '*.password'],
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type { Logger };
