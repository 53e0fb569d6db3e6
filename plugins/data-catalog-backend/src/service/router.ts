import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { GapService } from '../gaps/GapService';
import { withChosenProvisionsOnly } from '../gaps/summaryDetail';
import { ElementComparisonService } from '../comparison/ElementComparisonService';
import { OwnersStore } from '../database/OwnersStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { ReadModelStore } from '../database/ReadModelStore';
import { SubjectResolver } from '../permissions';
import { createOwnerRoutes, OwnerRoutesOptions } from './ownerRoutes';
import { LineageService } from '../lineage/LineageService';
import { loadOpenApiDocument } from '../schema/openApiDocument';
import { NotFoundError } from '@backstage/errors';
import {
  districtGapsQuery,
  comparisonQuery,
  lineageQuery,
  noQuery,
  statusChangesQuery,
} from './queries';
import { parseInput, refParam, refQuery } from './validation';
import { z } from 'zod';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createWorkbookRoutes } from './workbookRoutes';
import { databaseUnavailableHandler } from './databaseUnavailable';

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
  /** Where database failures behind a 503 are logged. */
  logger: LoggerService;
}

const lineageKinds = z.enum(['datasource', 'dataelement', 'indicator']);

/** The data catalog's HTTP API; the OpenAPI document describes each route. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { readModel, gaps, lineage, progress, comparison } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  // This API's own description.
  router.get('/openapi.json', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    res.json(await loadOpenApiDocument());
  });

  // Districts and BOCES groups, and how fresh the read model is.
  router.get('/districts', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const [districts, state] = await Promise.all([
      readModel.listDistricts(),
      readModel.getState(),
    ]);
    res.json({ refreshedAt: state?.refreshedAt, items: districts });
  });

  // Every indicator's status in one district, with the reasons; in
  // summary, each element with only the provision its status is from.
  router.get('/districts/:district/gaps', async (req, res) => {
    const { detail } = parseInput(districtGapsQuery, req.query, 'query');
    const district = refParam(req.params.district, 'group', 'district');
    const answer = await gaps.districtGaps(district);
    res.json(
      detail === 'summary'
        ? { ...answer, results: withChosenProvisionsOnly(answer.results) }
        : answer,
    );
  });

  // One indicator in one district, whole: what a summary left out.
  router.get('/districts/:district/gaps/:indicator', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const district = refParam(req.params.district, 'group', 'district');
    const indicator = refParam(req.params.indicator, 'indicator', 'indicator');
    const answer = await gaps.districtGaps(district);
    const result = answer.results.find(r => r.indicator === indicator);
    if (!result) {
      throw new NotFoundError(`No indicator ${indicator} in the catalog`);
    }
    res.json({
      district: answer.district,
      refreshedAt: answer.refreshedAt,
      result,
    });
  });

  // One indicator's status in every district.
  router.get('/indicators/:indicator/availability', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const indicator = refParam(req.params.indicator, 'indicator', 'indicator');
    res.json(await gaps.indicatorAcrossDistricts(indicator));
  });

  // The region as districts by indicators, with counts.
  router.get('/region/matrix', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    res.json(await gaps.regionMatrix());
  });

  // How a district's counts of available, partial and missing indicators
  // moved over time, per stage and construct.
  router.get('/districts/:district/progress', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
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
    const query = parseInput(statusChangesQuery, req.query, 'query');
    const indicator = refParam(req.params.indicator, 'indicator', 'indicator');
    const district =
      query.district === undefined
        ? undefined
        : refQuery(query.district, 'group', 'district');
    // Checked against the read model alone: asking the gap service would
    // assess every district just to learn that the indicator exists.
    const [indicators, districts] = await Promise.all([
      readModel.listIndicators(),
      district ? readModel.listDistricts() : Promise.resolve([]),
    ]);
    if (!indicators.some(i => i.ref === indicator)) {
      throw new NotFoundError(`No indicator ${indicator} in the catalog`);
    }
    if (
      district &&
      !districts.some(d => d.ref === district && d.type === 'district')
    ) {
      throw new NotFoundError(`No district ${district} in the catalog`);
    }
    res.json({ items: await progress.changes({ indicator, district }) });
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
    const query = parseInput(lineageQuery, req.query, 'query');
    const kind = parseInput(
      lineageKinds,
      req.params.kind.toLowerCase(),
      'path',
    );
    const root = refParam(
      `${kind}:${req.params.namespace}/${req.params.name}`,
      kind,
      'name',
    );
    res.json(await lineage.lineage(root, query));
  });

  router.use(createOwnerRoutes(options));
  router.use(createWorkbookRoutes(options));
  // After every route, so that it sees the errors they throw.
  router.use(databaseUnavailableHandler(options.logger));

  return router;
}
