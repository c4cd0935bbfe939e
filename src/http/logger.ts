import type { LoggerOptions } from 'pino';

/**
 * pino options: JSON lines, secrets redacted wherever they appear. Request
 * lines carry the path without its query string, so a key pasted into a URL
 * is not written either.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers["x-api-key"]',
        'req.headers.authorization',
        'headers["x-api-key"]',
        'headers.authorization',
        '*.key',
        '*.apiKey',
        '*.api_key',
        '*.password',
        '*.encryption_password',
        '*.secret',
        '*.token',
        'key',
        'apiKey',
        'api_key',
        'password',
        'secret',
      ],
      censor: '[REDACTED]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        ip: req.ip,
      }),
    },
  };
}
