import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError, toError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

// What the database drivers and knex say when the server cannot be reached
// or went away: refused or reset connections, PostgreSQL shutting down or
// starting up (SQLSTATE class 08 and 57P0x), and knex giving up on a
// connection from its pool.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  // pg's client once its connection broke, as a transaction commits.
  /Client has encountered a connection error/i,
  /Timeout acquiring a connection/i,
  /the database system is (starting up|shutting down)/i,
];

/** Tells an unreachable database from every other failure. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') {
    return false;
  }
  const { code, name, message } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
  };
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_CODES.has(code) || /^08/.test(code))
  ) {
    return true;
  }
  if (name === 'KnexTimeoutError') {
    return true;
  }
  return (
    typeof message === 'string' &&
    UNAVAILABLE_MESSAGES.some(pattern => pattern.test(message))
  );
}

/**
 * Answers 503 when the plugin's database cannot be reached, instead of the
 * 500 of an unexpected failure, so that clients and load balancers know to
 * try again; the pool reconnects by itself once the database is back. The
 * driver's error, which quotes the SQL, goes to the log, not to the client.
 */
export function databaseUnavailableHandler(
  logger: LoggerService,
): ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (!isDatabaseUnavailable(error)) {
      next(error);
      return;
    }
    logger.warn(
      `Database unavailable during ${req.method} ${req.originalUrl}`,
      toError(error),
    );
    next(
      new ServiceUnavailableError(
        "The data catalog's database cannot be reached; try again in a few seconds",
      ),
    );
  };
}
