import { pino, type Logger } from 'pino';

/** Where the server's log lines go: one JSON object a line (stdout by default; tests collect them). */
export type LogSink = (line: string) => void;
export type { Logger };

/**
 * Field names that could carry a secret; pino replaces their values wherever they appear. The log lines are also
 * built so that none is ever given one: paths are logged without their query (`?instance=` is a token), bodies
 * and headers are never logged, and error messages name settings, not their values.
 */
const SECRET_FIELDS = ['authorization', 'instance', 'token', 'jwt', 'appSecret', 'secret', 'publicKey', 'access_token', 'client_secret'];

/** The structured logger of the self-hosted server (pino): `{"level":30,"time":…,"event":"webhook","instanceId":…}`. */
export function createLogger(sink: LogSink = (line) => process.stdout.write(`${line}\n`)): Logger {
  return pino({
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((field) => `*.${field}`)], censor: '[redacted]' },
  }, { write: (line: string) => sink(line.trimEnd()) });
}

/** An error as a log field: its name and message (the stack only for the unexpected ones). */
export function errorField(error: unknown, withStack = false): { name: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  return { name: error.name, message: error.message, ...(withStack && error.stack ? { stack: error.stack } : {}) };
}
