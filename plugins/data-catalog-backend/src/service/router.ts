import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { GapService } from '../gaps/GapService';
import { OwnersStore } from '../database/OwnersStore';
import { ReadModelStore } from '../database/ReadModelStore';
import { SubjectResolver } from '../permissions';
import { createOwnerRoutes, OwnerRoutesOptions } from './ownerRoutes';
import { LineageService } from '../lineage/LineageService';
import { parseInput, refParam } from './validation';
import { z } from 'zod';

/** The finished parts the router serves from. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  readModel: ReadModelStore;
  owners: OwnersStore;
  subjects: SubjectResolver;
  isAuthorized: OwnerRoutesOptions['isAuthorized'];
  /** Called after each write of an annotation. */
  onWrite?: () => Promise<void>;
  gaps: GapService;
  lineage: LineageService;
}

const lineageQuery = z
  .object({
    direction: z.enum(['upstream', 'downstream', 'both']).default('both'),
    depth: z.coerce.number().int().min(1).max(10).default(3),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
  })
  .strict();

const lineageKinds = z.enum(['datasource', 'dataelement', 'indicator']);

/** The data catalog's HTTP API; the OpenAPI document describes each route. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { readModel, gaps, lineage } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  // Districts and BOCES groups, and how fresh the read model is.
  router.get('/districts', async (_req, res) => {
    const [districts, state] = await Promise.all([
      readModel.listDistricts(),
      readModel.getState(),
    ]);
    res.json({ refreshedAt: state?.refreshedAt, items: districts });
  });

  // Every indicator's status in one district, with the reasons.
  router.get('/districts/:district/gaps', async (req, res) => {
    const district = refParam(req.params.district, 'group', 'district');
    res.json(await gaps.districtGaps(district));
  });

  // One indicator's status in every district.
  router.get('/indicators/:indicator/availability', async (req, res) => {
    const indicator = refParam(req.params.indicator, 'indicator', 'indicator');
    res.json(await gaps.indicatorAcrossDistricts(indicator));
  });

  // The region as districts by indicators, with counts.
  router.get('/region/matrix', async (_req, res) => {
    res.json(await gaps.regionMatrix());
  });

  // Upstream and downstream of a source, element or indicator.
  router.get('/lineage/:kind/:namespace/:name', async (req, res) => {
    const kind = parseInput(
      lineageKinds,
      req.params.kind.toLowerCase(),
      'path',
    );
    const query = parseInput(lineageQuery, req.query, 'query');
    const root = refParam(
      `${kind}:${req.params.namespace}/${req.params.name}`,
      kind,
      'name',
    );
    res.json(await lineage.lineage(root, query));
  });

  router.use(createOwnerRoutes(options));

  return router;
}
