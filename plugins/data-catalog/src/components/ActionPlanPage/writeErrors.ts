import type { ResponseError } from '@backstage/errors';

/** A failed request as a person should read it. */
export interface ReadableError {
  /** The HTTP status, when the backend answered. */
  status?: number;
  /** The backend's own message, such as who may write. */
  message: string;
}

/**
 * The backend's message of a failed request. The client's `ResponseError`
 * says only "Request failed with 403 Forbidden"; what the backend said, such
 * as who may write or what changed, is in its body.
 */
export function readableError(error: unknown): ReadableError {
  // By name rather than instanceof: another copy of @backstage/errors in the
  // app would make instanceof fail.
  if (isResponseError(error)) {
    return {
      status: error.statusCode,
      message: error.body?.error?.message || error.message,
    };
  }
  if (error instanceof Error) {
    return { message: error.message };
  }
  return { message: String(error) };
}

function isResponseError(error: unknown): error is ResponseError {
  return error instanceof Error && error.name === 'ResponseError';
}
