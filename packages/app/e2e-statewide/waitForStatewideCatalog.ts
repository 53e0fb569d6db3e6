import fs from 'node:fs';
import { removeEndedRuns } from './removeEndedRuns';
import { statewideSize } from './statewideSize';
import {
  getJson,
  guestToken,
  INGESTION_FILE,
  readGeneratedCatalog,
  RESULTS_DIR,
} from './statewideApi';

interface Progress {
  catalogEntities: number;
  readModelDistricts: number;
  refreshedAt?: string;
  matrixDistricts: number;
  matrixIndicators: number;
}

const POLL_MS = 5_000;
const KINDS = ['group', 'datasource', 'dataelement', 'indicator'];

function seconds(from: number, to: number): number {
  return Math.round((to - from) / 100) / 10;
}

/**
 * Global setup of the statewide run: waits until the catalog holds every
 * generated entity, the data catalog's read model has been refreshed since,
 * and the regional matrix answers with every district, then writes how
 * long each took. The pages are measured only once all of it is there, so
 * that the figures are about the pages, not about a catalog still reading.
 */
export default async function waitForStatewideCatalog(): Promise<void> {
  const removed = removeEndedRuns();
  if (removed.length > 0) {
    process.stdout.write(
      `Removed the folders of ended runs: ${removed.join(', ')}\n`,
    );
  }
  const size = statewideSize();
  const generated = readGeneratedCatalog();
  const startedAt = Number(process.env.STATEWIDE_STARTED_AT ?? Date.now());
  const backendReadyAt = Date.now();
  const deadline =
    backendReadyAt + Number(process.env.STATEWIDE_WAIT_MINUTES ?? 60) * 60_000;
  const kindFilter = KINDS.map(kind => `filter=kind=${kind}`).join('&');

  let token = await guestToken();
  let tokenAt = Date.now();
  let catalogCompleteAt: number | undefined;
  let readModelAt: number | undefined;
  let lastLog = 0;
  const progress: Progress = {
    catalogEntities: 0,
    readModelDistricts: 0,
    matrixDistricts: 0,
    matrixIndicators: 0,
  };

  for (;;) {
    // Guest tokens last an hour; a fresh one well before that.
    if (Date.now() - tokenAt > 20 * 60_000) {
      token = await guestToken();
      tokenAt = Date.now();
    }

    const catalog = await getJson<{ totalItems: number }>(
      token,
      `/api/catalog/entities/by-query?limit=1&${kindFilter}`,
    );
    progress.catalogEntities = catalog.body.totalItems;
    if (!catalogCompleteAt && progress.catalogEntities >= generated.entities) {
      catalogCompleteAt = Date.now();
    }

    const districts = await getJson<{
      refreshedAt?: string;
      items: Array<{ type: string }>;
    }>(token, '/api/data-catalog/districts');
    progress.readModelDistricts = districts.body.items.filter(
      d => d.type === 'district',
    ).length;
    progress.refreshedAt = districts.body.refreshedAt;
    // The first refresh that began after the catalog was complete holds it.
    if (
      catalogCompleteAt &&
      !readModelAt &&
      progress.refreshedAt &&
      Date.parse(progress.refreshedAt) > catalogCompleteAt &&
      progress.readModelDistricts >= size.districts
    ) {
      readModelAt = Date.now();
    }

    if (readModelAt) {
      const matrix = await getJson<{
        districts: unknown[];
        indicators: unknown[];
      }>(token, '/api/data-catalog/region/matrix');
      progress.matrixDistricts = matrix.body.districts.length;
      progress.matrixIndicators = matrix.body.indicators.length;
      if (
        progress.matrixDistricts === size.districts &&
        progress.matrixIndicators === size.indicators
      ) {
        const matrixAt = Date.now();
        // Asked again, as a page would, now that the answer is warm.
        const again = await getJson(token, '/api/data-catalog/region/matrix');
        const ingestion = {
          size,
          generated: { entities: generated.entities, kinds: generated.kinds },
          seconds: {
            generateAndStartBackend: seconds(startedAt, backendReadyAt),
            catalogComplete: seconds(backendReadyAt, catalogCompleteAt!),
            readModelRefreshed: seconds(catalogCompleteAt!, readModelAt),
            matrixAnswered: seconds(readModelAt, matrixAt),
            total: seconds(startedAt, matrixAt),
          },
          matrixResponse: {
            bytes: again.bytes,
            warmMs: Math.round(again.ms),
          },
        };
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        fs.writeFileSync(INGESTION_FILE, JSON.stringify(ingestion, null, 2));
        process.stdout.write(
          `Statewide catalog ready: ${JSON.stringify(ingestion.seconds)}\n`,
        );
        return;
      }
    }

    if (Date.now() > deadline) {
      throw new Error(
        `The statewide catalog was not ready in time: ${JSON.stringify(
          progress,
        )}, expected ${generated.entities} entities and ${
          size.districts
        } districts`,
      );
    }
    if (Date.now() - lastLog > 30_000) {
      lastLog = Date.now();
      process.stdout.write(
        `Waiting for the statewide catalog (${seconds(
          backendReadyAt,
          Date.now(),
        )} s): ${JSON.stringify(progress)} of ${generated.entities} entities\n`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}
