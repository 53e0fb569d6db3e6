import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { parseRunEvents } from '../events/runEvent';
import { ObservedLineage } from '../lineage/ObservedLineage';

// A producer batching events sends a few hundred at most; facets make each
// one a few kilobytes.
const MAX_EVENTS = 500;
const MAX_BODY = '5mb';

/**
 * The OpenLineage routes, mounted on the catalog's router. They take the
 * catalog's authentication: a warehouse posts with a static token from
 * `backend.auth.externalAccess`, a person with their Backstage token.
 */
export async function createRouter(options: {
  lineage: ObservedLineage;
}): Promise<express.Router> {
  const { lineage } = options;
  const router = Router();

  // Takes a run event or a list of them, as OpenLineage's HTTP transport
  // sends them, and answers which datasets are which DataSource.
  router.post(
    '/openlineage/events',
    express.json({ limit: MAX_BODY }),
    async (req, res) => {
      // The JSON parser leaves any other content type an empty object.
      if (!req.is('application/json')) {
        throw new InputError(
          'Expected an OpenLineage run event as a JSON body with content type application/json',
        );
      }
      const events = parseRunEvents(req.body, MAX_EVENTS);
      res.json(await lineage.ingest(events));
    },
  );

  // Every dataset seen that no DataSource claims, or more than one does.
  router.get('/openlineage/unknown-datasets', async (_req, res) => {
    res.json(await lineage.unmatchedDatasets());
  });

  return router;
}
