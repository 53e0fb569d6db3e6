import { performance } from 'node:perf_hooks';

/** An answer over HTTP, and how long it took to arrive. */
export interface TimedAnswer<T> {
  body: T;
  /** From sending the request to the last byte of the answer. */
  ms: number;
  bytes: number;
}

/** A status other than 2xx, with the route that answered it. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Calls the backend under test with the benchmark's static token, as a
 * service would. Every call reads the whole answer before the clock
 * stops, and fails on a status other than 2xx, naming the route.
 */
export class BackendApi {
  /** Requests made so far, for the report. */
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async get<T>(path: string): Promise<TimedAnswer<T>> {
    return this.call<T>('GET', path);
  }

  async post<T>(path: string, body?: unknown): Promise<TimedAnswer<T>> {
    return this.call<T>('POST', path, body);
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<TimedAnswer<T>> {
    this.requests += 1;
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) {
      throw new HttpError(
        response.status,
        `${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`,
      );
    }
    return {
      body: (text ? JSON.parse(text) : undefined) as T,
      ms,
      bytes: Buffer.byteLength(text),
    };
  }
}
