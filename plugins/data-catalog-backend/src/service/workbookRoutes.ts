import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ActionItem,
  DataSourceEntityV1alpha1,
  IndicatorAvailability,
  isDataElementEntity,
  isDataSourceEntity,
  isIndicatorEntity,
} from '@internal/plugin-data-catalog-common';
import { workbookBuffer } from '@internal/plugin-data-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { OwnersStore } from '../database/OwnersStore';
import { ReadModelStore } from '../database/ReadModelStore';
import { GapService } from '../gaps/GapService';
import { noQuery } from './queries';
import { parseInput, refParam } from './validation';

/** What the workbook downloads are made from. */
export interface WorkbookRoutesOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  readModel: ReadModelStore;
  gaps: GapService;
  owners: OwnersStore;
}

const XLSX_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The vocabulary, indicators and people every workbook names things by.
const SHARED_KINDS = ['DataElement', 'Indicator', 'Group', 'User'];

async function sharedEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
) {
  const { items } = await catalog.getEntities(
    { filter: { kind: SHARED_KINDS } },
    { credentials },
  );
  return {
    elements: items.filter(isDataElementEntity),
    indicators: items.filter(isIndicatorEntity),
    people: items.filter(e => ['Group', 'User'].includes(e.kind)),
  };
}

function sendWorkbook(res: express.Response, name: string, data: Buffer) {
  const day = new Date().toISOString().slice(0, 10);
  res.setHeader('Content-Type', XLSX_TYPE);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="data-catalog-${name}-${day}.xlsx"`,
  );
  res.send(data);
}

/**
 * The data-catalog workbook of a district or of the region, as the
 * command-line export writes it but with owners' live corrections in the
 * gaps and the action plan from the database. Entities are read from the
 * catalog with the caller's credentials, so the catalog's own permissions
 * decide what the workbook may show.
 */
export function createWorkbookRoutes(
  options: WorkbookRoutesOptions,
): express.Router {
  const { httpAuth, catalog, readModel, gaps, owners } = options;
  const router = Router();

  router.get('/districts/:district/workbook', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const ref = refParam(req.params.district, 'group', 'district');
    const answer = await gaps.districtGaps(ref);
    const credentials = await httpAuth.credentials(req);

    const sourceRefs = (
      await readModel.getSources({ district: answer.district.ref })
    ).map(s => s.ref);
    const [found, shared, actions] = await Promise.all([
      catalog.getEntitiesByRefs({ entityRefs: sourceRefs }, { credentials }),
      sharedEntities(catalog, credentials),
      owners.listActionItems(answer.district.ref),
    ]);

    const data = await workbookBuffer({
      title: answer.district.title,
      sources: found.items.filter(
        (e): e is DataSourceEntityV1alpha1 => !!e && isDataSourceEntity(e),
      ),
      ...shared,
      gaps: answer.results,
      districtTitles: new Map([[answer.district.ref, answer.district.title]]),
      actions,
    });
    sendWorkbook(res, answer.district.name, data);
  });

  router.get('/region/workbook', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    const [all, districts, shared, { items: sourceItems }] = await Promise.all([
      gaps.allDistrictGaps(),
      readModel.listDistricts(),
      sharedEntities(catalog, credentials),
      catalog.getEntities({ filter: { kind: 'DataSource' } }, { credentials }),
    ]);

    const actions: ActionItem[] = [];
    for (const { district } of all) {
      actions.push(...(await owners.listActionItems(district.ref)));
    }
    const results: IndicatorAvailability[] = all.flatMap(d => d.results);

    const data = await workbookBuffer({
      title: 'the region',
      sources: sourceItems.filter(isDataSourceEntity),
      ...shared,
      gaps: results,
      districtTitles: new Map(districts.map(d => [d.ref, d.title])),
      actions,
    });
    sendWorkbook(res, 'region', data);
  });

  return router;
}
