import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import Router from 'express-promise-router';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  databaseUnavailableHandler,
  isDatabaseUnavailable,
} from './databaseUnavailable';

jest.setTimeout(30_000);

const logger = mockServices.logger.mock();

/** An app whose one route runs `query`, with Backstage's error handling. */
function appRunning(query: () => Promise<unknown>) {
  const router = Router();
  router.get('/gaps', async (_req, res) => {
    res.json(await query());
  });
  const app = express();
  app.use(router);
  app.use(databaseUnavailableHandler(logger));
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return app;
}

describe('databaseUnavailableHandler', () => {
  let unreachable: Knex;

  beforeAll(() => {
    // Nothing listens on port 1: every connection is refused at once.
    unreachable = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', port: 1, user: 'postgres' },
      acquireConnectionTimeout: 5_000,
    });
  });

  afterAll(async () => {
    await unreachable.destroy();
  });

  it('answers 503 with a message when PostgreSQL cannot be reached', async () => {
    const app = appRunning(() => unreachable('dc_sources').select());

    const response = await request(app).get('/gaps');

    expect(response.status).toBe(503);
    expect(response.body.error).toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        "The data catalog's database cannot be reached; try again in a few seconds",
    });
    // The driver's own words go to the log only.
    expect(JSON.stringify(response.body)).not.toContain('ECONNREFUSED');
    expect(logger.warn).toHaveBeenCalledWith(
      'Database unavailable during GET /gaps',
      expect.objectContaining({
        message: expect.stringContaining('ECONNREFUSED'),
      }),
    );
  });

  it('leaves other failures as they are', async () => {
    const app = appRunning(async () => {
      throw new Error('a bug');
    });

    const response = await request(app).get('/gaps');

    expect(response.status).toBe(500);
  });

  it.each([
    ['a refused connection', { code: 'ECONNREFUSED' }],
    ['PostgreSQL shutting down', { code: '57P01' }],
    ['a connection exception', { code: '08006' }],
    ['a pool timeout', { name: 'KnexTimeoutError' }],
    ['a dropped connection', { message: 'Connection terminated unexpectedly' }],
    [
      'a commit on a broken connection',
      {
        message:
          'COMMIT; - Client has encountered a connection error and is not queryable',
      },
    ],
  ])('tells %s from other errors', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
  ])('does not take %s for an outage', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
