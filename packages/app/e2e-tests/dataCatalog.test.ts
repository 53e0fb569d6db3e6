import { expect, Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';

// The guest is the demo visitor, a member of Alder Creek's data team: Alder
// Creek's sources and plans are editable, other districts' read-only.

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page).toHaveURL(/\/catalog/);
}

async function shownCount(page: Page): Promise<[number, number]> {
  const text = await page
    .getByText(/Showing \d+ of \d+ indicators/)
    .textContent();
  const [, shown, total] = /Showing (\d+) of (\d+)/.exec(text ?? '')!;
  return [Number(shown), Number(total)];
}

// The backend's read model fills a few seconds after the catalog has read
// the demo region, and indicators wait for the elements they require:
// reload until the district's gaps hold the demo's indicators.
async function openGaps(page: Page, district: string) {
  await expect(async () => {
    await page.goto(`/data-catalog/districts?district=${district}`);
    await expect(page.getByText(/Showing \d+ of \d+ indicators/)).toBeVisible({
      timeout: 5_000,
    });
    const [, total] = await shownCount(page);
    expect(total).toBeGreaterThanOrEqual(25);
  }).toPass({ timeout: 240_000, intervals: [3_000] });
}

test('a leader reads and filters a district’s gaps, then opens an indicator', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await openGaps(page, 'alder-creek');
  await expect(
    page.getByRole('heading', { name: 'Alder Creek Central School District' }),
  ).toBeVisible();
  const [, total] = await shownCount(page);
  expect(total).toBeGreaterThanOrEqual(25);
  await page.screenshot({
    path: testInfo.outputPath('district-gaps.png'),
    fullPage: true,
  });

  await page.getByLabel('Status', { exact: true }).selectOption('missing');
  const [missing] = await shownCount(page);
  expect(missing).toBeGreaterThan(0);
  expect(missing).toBeLessThan(total);
  await expect(
    page.getByRole('listitem', { name: /^Missing: \d+$/ }),
  ).toBeVisible();

  // Filters that match nothing offer a way back.
  await page.getByRole('searchbox', { name: 'Search indicators' }).fill('zzz');
  await expect(
    page.getByText('No indicator matches these filters.'),
  ).toBeVisible();
  await page
    .getByRole('region', { name: 'Indicators' })
    .getByRole('button', { name: 'Clear filters' })
    .last()
    .click();
  expect(await shownCount(page)).toEqual([total, total]);
  await page.getByLabel('Status', { exact: true }).selectOption('missing');

  const indicators = page.getByRole('region', { name: 'Indicators' });
  await indicators.getByRole('link').first().click();
  await expect(
    page.getByText('Whether each district can compute it'),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('indicator-page.png'),
    fullPage: true,
  });
});

test('an IT lead follows lineage two hops downstream of a SIS', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/datasource/alder-creek-sis');
  await expect(page.getByLabel(/^Lineage graph of/)).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('source-page.png'),
    fullPage: true,
  });

  await page
    .getByRole('link', { name: 'Alder Creek Level 0 / SIRS extract' })
    .last()
    .click();
  await expect(
    page.getByRole('heading', {
      name: 'Alder Creek Level 0 / SIRS extract',
      exact: true,
    }),
  ).toBeVisible();

  await page
    .getByRole('link', { name: 'Northlake Level 0 / SIRS hub' })
    .last()
    .click();
  await expect(
    page.getByRole('heading', {
      name: 'Northlake Level 0 / SIRS hub',
      exact: true,
    }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('lineage-two-hops.png'),
    fullPage: true,
  });
});

test('a steward reads the whole overview of a source and of an element', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/datasource/alder-creek-sis');

  // The overview sits at the top of the main column, not in the side
  // column that is cut off at the height of the screen.
  await expect(page.getByText('Data source overview')).toBeVisible();
  await expect(
    page.getByRole('term').filter({ hasText: /^Privacy$/ }),
  ).toBeInViewport();

  await page.goto('/catalog/default/dataelement/sex');
  await expect(page.getByText('Data element overview')).toBeVisible();
  await expect(
    page.getByRole('definition').filter({ hasText: /^000255, Sex$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('term').filter({ hasText: /^Needed by \(\d+\)$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('term').filter({ hasText: /^Provided by \(\d+\)$/ }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('element-page.png'),
    fullPage: true,
  });
});

test('an owner annotates a source and finds the note after a reload', async ({
  page,
}, testInfo) => {
  const note = `Checked the attendance export on run ${Date.now()}`;
  await signInAsGuest(page);
  await page.goto('/catalog/default/datasource/alder-creek-sis');

  // The owners' notes' own button; the About card's Edit is a link.
  await page.locator('button', { hasText: /^Edit$/ }).click();
  await page.getByLabel('Notes').fill(note);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByText(note)).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('source-annotation.png'),
    fullPage: true,
  });
});

test('a data team plans an action on a gap and moves it to done', async ({
  page,
}, testInfo) => {
  const step = `Ask the vendor for a student-level export (${Date.now()})`;
  await signInAsGuest(page);
  await openGaps(page, 'alder-creek');

  await page
    .getByRole('button', { name: /^Plan an action for/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Plan an action' });
  await dialog.getByRole('textbox', { name: /Step/ }).fill(step);
  await dialog.getByLabel(/Due date/).fill('2027-01-31');
  await dialog.getByRole('button', { name: 'Save the action' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('/data-catalog/actions?district=alder-creek');
  const status = page.getByRole('combobox', { name: `Status of ${step}` });
  await expect(status).toHaveValue('planned');
  await status.selectOption('done');
  await expect(status).toHaveValue('done');

  await page.reload();
  await expect(
    page.getByRole('combobox', { name: `Status of ${step}` }),
  ).toHaveValue('done');
  await page.screenshot({
    path: testInfo.outputPath('action-plan.png'),
    fullPage: true,
  });
});

test('the region matrix and the element comparison show every district', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await openGaps(page, 'alder-creek');

  await page.goto('/data-catalog/region');
  await expect(page.getByText('Districts by indicators')).toBeVisible();
  await expect(
    page.getByRole('link', { name: /Elmwood Falls/ }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('region-matrix.png'),
    fullPage: true,
  });

  await page.goto('/data-catalog/elements');
  await expect(page.getByText(/of 5/).first()).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('element-comparison.png'),
    fullPage: true,
  });
});

test('a leader downloads the district workbook and opens it in Excel form', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openGaps(page, 'birch-harbor');
  const [, total] = await shownCount(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download workbook (.xlsx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^data-catalog-birch-harbor-\d{4}-\d{2}-\d{2}\.xlsx$/,
  );

  // The file the browser saved is a workbook Excel can open, with a row of
  // gaps for every indicator the page showed.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets.map(sheet => sheet.name)).toEqual([
    'Sources and elements',
    'Sources',
    'Lineage',
    'Indicators',
    'Gaps',
    'Action plan',
  ]);
  expect(workbook.getWorksheet('Gaps')!.actualRowCount).toBe(total + 1);
  expect(workbook.getWorksheet('Sources')!.getCell('B2').text).toMatch(
    /^Birch Harbor/,
  );
});
