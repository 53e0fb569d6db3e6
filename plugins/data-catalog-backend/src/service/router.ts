import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { GapService } from '../gaps/GapService';
import { ElementComparisonService } from '../comparison/ElementComparisonService';
import { OwnersStore } from '../database/OwnersStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { ReadModelStore } from '../database/ReadModelStore';
import { SubjectResolver } from '../permissions';
import { createOwnerRoutes, OwnerRoutesOptions } from './ownerRoutes';
import { LineageService } from '../lineage/LineageService';
import { loadOpenApiDocument } from '../schema/openApiDocument';
import { parseInput, refParam, refQuery } from './validation';
import { z } from 'zod';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createWorkbookRoutes } from './workbookRoutes';

/** The finished parts the router serves from. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  readModel: ReadModelStore;
  owners: OwnersStore;
  subjects: SubjectResolver;
  isAuthorized: OwnerRoutesOptions['isAuthorized'];
  progress: SnapshotStore;
  comparison: ElementComparisonService;
  /** Called after each write of an annotation, with its district. */
  onWrite?: (district: string) => Promise<void>;
  gaps: GapService;
  lineage: LineageService;
  /** Reads the entities a workbook download describes. */
  catalog: CatalogService;
}

const lineageQuery = z
  .object({
    direction: z.enum(['upstream', 'downstream', 'both']).default('both'),
    depth: z.coerce.number().int().min(1).max(10).default(3),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
  })
  .strict();

const lineageKinds = z.enum(['datasource', 'dataelement', 'indicator']);

const statusChangesQuery = z
  .object({ district: z.string().min(1).optional() })
  .strict();

const comparisonQuery = z
  .object({
    domain: z.string().min(1).optional(),
    subgroup: z.enum(['true', 'false']).optional(),
  })
  .strict();

/** The data catalog's HTTP API; the OpenAPI document describes each route. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { readModel, gaps, lineage, progress, comparison } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  // This API's own description.
  router.get('/openapi.json', async (_req, res) => {
    res.json(await loadOpenApiDocument());
  });

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

  // How a district's counts of available, partial and missing indicators
  // moved over time, per stage and construct.
  router.get('/districts/:district/progress', async (req, res) => {
    const district = refParam(req.params.district, 'group', 'district');
    const { district: record } = await gaps.districtGaps(district);
    const series = await progress.series(record.ref);
    res.json({
      district: record,
      series: series.map(({ takenAt, cause, summary }) => ({
        takenAt,
        cause,
        summary,
      })),
    });
  });

  // When an indicator changed status, in one district or all, and why.
  router.get('/indicators/:indicator/status-changes', async (req, res) => {
    const indicator = refParam(req.params.indicator, 'indicator', 'indicator');
    const query = parseInput(statusChangesQuery, req.query, 'query');
    await gaps.indicatorAcrossDistricts(indicator);
    res.json({
      items: await progress.changes({
        indicator,
        district: query.district
          ? refQuery(query.district, 'group', 'district')
          : undefined,
      }),
    });
  });

  // Which districts hold each element, from which source and vendor.
  router.get('/elements/comparison', async (req, res) => {
    const query = parseInput(comparisonQuery, req.query, 'query');
    res.json(
      await comparison.compare({
        domain: query.domain,
        subgroup:
          query.subgroup === undefined ? undefined : query.subgroup === 'true',
      }),
    );
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
  router.use(createWorkbookRoutes(options));

  return router;
}
