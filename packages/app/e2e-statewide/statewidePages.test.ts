import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import {
  installProbes,
  lastClickAt,
  longTasksSince,
  scrollMatrix,
  timeUntil,
} from './pageProbes';
import {
  FIGURES_FILE,
  getJson,
  guestToken,
  INGESTION_FILE,
  readGeneratedCatalog,
  RESULTS_DIR,
} from './statewideApi';
import { statewideSize } from './statewideSize';

// The global setup has waited until the catalog and the data catalog's
// read model hold the whole generated state. These tests time the pages
// and report the figures; they assert only what a reader would check:
// every district is there and no error is shown.

const size = statewideSize();
const figures: Record<string, unknown> = {};
// Two rows of the matrix a frame, about 3,400 pixels a second at 60 frames
// a second: a quick, steady scroll.
const SCROLL_STEP = 56;

function matrixComplete(districts: number): number | false {
  const grid = document.querySelector(
    '[role="grid"][aria-label="Districts by indicators"]',
  );
  const rows = grid?.querySelectorAll('[role="row"] [role="rowheader"] a');
  // The card's subheader counts the districts the matrix holds.
  const counted = [
    ...document.querySelectorAll('[class*="MuiCardHeader-subheader"]'),
  ]
    .map(subheader => subheader.textContent ?? '')
    .some(text =>
      text.startsWith(`${districts.toLocaleString('en-US')} districts by `),
    );
  if (
    !grid ||
    !rows ||
    rows.length === 0 ||
    !counted ||
    document.querySelector('[role="progressbar"]')
  ) {
    return false;
  }
  return performance.mark('statewide:matrix-complete').startTime;
}

function gapsComplete(indicators: number): number | false {
  const section = document.querySelector('section[aria-label="Indicators"]');
  const rows = section?.querySelectorAll('button[aria-label^="Details of "]');
  const shown = [...document.querySelectorAll('[role="status"]')].some(
    status =>
      status.textContent ===
      `Showing ${indicators} of ${indicators} indicators`,
  );
  if (
    !rows ||
    rows.length !== indicators ||
    !shown ||
    document.querySelector('[role="progressbar"]')
  ) {
    return false;
  }
  return performance.mark('statewide:gaps-complete').startTime;
}

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page).toHaveURL(/\/catalog/);
}

async function expectNoError(page: Page) {
  await expect(page.getByText(/^Error: /)).toHaveCount(0);
  await expect(page.getByText('Could not load')).toHaveCount(0);
}

/** Figures of one navigation: its own, and the browser's timing of it. */
async function navigationTiming(page: Page, resource: string) {
  return page.evaluate(part => {
    const [nav] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    const fetches = (
      performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    ).filter(entry => entry.name.includes(part));
    const last = fetches[fetches.length - 1];
    return {
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      loadMs: Math.round(nav.loadEventEnd),
      // The backend is another origin, so the browser gives its timing
      // but not its size; the global setup records the matrix's size.
      apiRequest: last && {
        startMs: Math.round(last.startTime),
        durationMs: Math.round(last.duration),
      },
    };
  }, resource);
}

function report(name: string, value: unknown) {
  figures[name] = value;
  process.stdout.write(`${name}: ${JSON.stringify(value)}\n`);
}

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await installProbes(page);
  await signInAsGuest(page);
});

test.afterAll(async () => {
  const ingestion = fs.existsSync(INGESTION_FILE)
    ? JSON.parse(fs.readFileSync(INGESTION_FILE, 'utf8'))
    : undefined;
  const all = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      loadAverage: os.loadavg().map(n => Math.round(n * 10) / 10),
    },
    size,
    ingestion,
    pages: figures,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(FIGURES_FILE, JSON.stringify(all, null, 2));
  process.stdout.write(`Statewide figures written to ${FIGURES_FILE}\n`);
});

test('the regional matrix shows every district of a statewide catalog', async ({
  page,
}, testInfo) => {
  const timeout = 120_000;

  // Opened as a link from elsewhere would open it: a whole page load.
  await page.goto('/data-catalog/region');
  const loadComplete = await timeUntil(
    page,
    matrixComplete,
    size.districts,
    timeout,
  );
  const load = {
    toCompleteMs: Math.round(loadComplete),
    ...(await navigationTiming(page, '/region/matrix')),
    longTasks: await longTasksSince(page, 0),
  };
  await expect(
    page.getByText(
      `${size.districts.toLocaleString('en-US')} districts by ${
        size.indicators
      } indicators`,
    ),
  ).toBeVisible();
  await expectNoError(page);

  // From another tab of the data catalog, as a reader moves about.
  await page.getByRole('tab', { name: 'District gaps' }).click();
  await expect(page.getByRole('grid')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Region' }).click();
  const tabComplete = await timeUntil(
    page,
    matrixComplete,
    size.districts,
    timeout,
  );
  const clickedAt = await lastClickAt(page);
  const tab = {
    toCompleteMs: Math.round(tabComplete - clickedAt),
    longTasks: await longTasksSince(page, clickedAt),
  };
  await page.screenshot({ path: testInfo.outputPath('region-matrix.png') });

  const scroll = await scrollMatrix(page, SCROLL_STEP);
  await page.screenshot({
    path: testInfo.outputPath('region-matrix-bottom.png'),
  });
  expect(scroll.districtsSeen).toBe(size.districts);
  await expectNoError(page);

  const matrix = { load, tab, scroll };
  report('regionMatrix', matrix);
  await testInfo.attach('region-matrix-figures.json', {
    body: JSON.stringify(matrix, null, 2),
    contentType: 'application/json',
  });
});

test('a district’s gap view shows all its indicators at statewide size', async ({
  page,
}, testInfo) => {
  const timeout = 120_000;
  // The district with the most sources: the most work for its gaps.
  const [largest] = [...readGeneratedCatalog().districts].sort(
    (a, b) => b.sources - a.sources,
  );
  const token = await guestToken();
  const { body } = await getJson<{
    items: Array<{ name: string; title: string }>;
  }>(token, '/api/data-catalog/districts');
  const title = body.items.find(d => d.name === largest.name)!.title;

  await page.goto(`/data-catalog/districts?district=${largest.name}`);
  const loadComplete = await timeUntil(
    page,
    gapsComplete,
    size.indicators,
    timeout,
  );
  const load = {
    toCompleteMs: Math.round(loadComplete),
    ...(await navigationTiming(page, `/districts/${largest.name}/gaps`)),
    longTasks: await longTasksSince(page, 0),
  };
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expectNoError(page);
  await page.screenshot({
    path: testInfo.outputPath('district-gaps.png'),
    fullPage: true,
  });

  // From the regional matrix, the way a leader gets there: find the
  // district and open it.
  await page.getByRole('tab', { name: 'Region' }).click();
  await timeUntil(page, matrixComplete, size.districts, timeout);
  await page.getByLabel('Find a district').fill(title.split(' Central')[0]);
  await page
    .getByRole('grid')
    .getByRole('link', { name: title, exact: true })
    .click();
  const linkComplete = await timeUntil(
    page,
    gapsComplete,
    size.indicators,
    timeout,
  );
  const clickedAt = await lastClickAt(page);
  const fromMatrix = {
    toCompleteMs: Math.round(linkComplete - clickedAt),
    longTasks: await longTasksSince(page, clickedAt),
  };
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expectNoError(page);

  const gaps = {
    district: largest.name,
    sources: largest.sources,
    load,
    fromMatrix,
  };
  report('districtGaps', gaps);
  await testInfo.attach('district-gaps-figures.json', {
    body: JSON.stringify(gaps, null, 2),
    contentType: 'application/json',
  });
});
