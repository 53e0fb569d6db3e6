import { expect, Page, test } from '@playwright/test';

// The portal is started fresh for the suite, so the demo region is still
// being read when the first test runs: wait for it as a user would, by
// reloading the catalog until the kind shows up.
async function openCatalogOfKind(page: Page, kind: string) {
  await expect(async () => {
    await page.goto(`/catalog?filters[kind]=${kind.toLowerCase()}`);
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 240_000, intervals: [3_000] });
}

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  // The root leads to the catalog.
  await expect(page).toHaveURL(/\/catalog/);
  await expect(
    page
      .getByTestId('sidebar-root')
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

test('a guest finds a district data source and its relations', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await openCatalogOfKind(page, 'DataSource');
  await page.screenshot({
    path: testInfo.outputPath('catalog-data-sources.png'),
    fullPage: true,
  });

  const table = page.getByRole('table');
  await table.getByRole('row').nth(1).getByRole('link').first().click();

  await expect(page.getByText('About', { exact: true })).toBeVisible();
  await expect(
    page.getByText('DataSource', { exact: true }).first(),
  ).toBeVisible();

  // The graph shows the relations the catalog module emitted: the source's
  // district and its owner.
  const graph = page.getByRole('article').filter({ hasText: 'Relations' });
  await expect(graph.getByText('inDistrict', { exact: true })).toBeVisible();
  await expect(graph.getByText('ownerOf', { exact: true })).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('data-source-page.png'),
    fullPage: true,
  });
});

test('the catalog lists elements and indicators of the shared vocabulary', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);

  await openCatalogOfKind(page, 'DataElement');
  await page.screenshot({
    path: testInfo.outputPath('catalog-data-elements.png'),
    fullPage: true,
  });

  await openCatalogOfKind(page, 'Indicator');
  await page.screenshot({
    path: testInfo.outputPath('catalog-indicators.png'),
    fullPage: true,
  });
});
