import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import demo from './playwright.config';
import { statewideSize } from './packages/app/e2e-statewide/statewideSize';

// The regional matrix and a district's gap view at statewide size: a
// generated catalog, read by a portal of its own on ports of its own (7017
// and 3017), so that it never meets the demo portal of playwright.config.ts
// and the two can run one after the other or side by side. It measures and
// reports; it asserts only that the pages show every district and no error.
// docs: packages/data-catalog-cli/docs/statewide-pages.md
const size = statewideSize();
const backendPort = process.env.STATEWIDE_BACKEND_PORT ?? '7017';
const appPort = process.env.STATEWIDE_APP_PORT ?? '3017';

// Set once, in the runner; the workers inherit them.
process.env.STATEWIDE_CATALOG_DIR ??= path.join(
  os.tmpdir(),
  `data-catalog-statewide-${process.pid}`,
);
process.env.STATEWIDE_STARTED_AT ??= String(Date.now());
const catalogDir = process.env.STATEWIDE_CATALOG_DIR;
const dataDir = process.env.STATEWIDE_SQLITE_DIR ?? `${catalogDir}-sqlite`;

const configs = [
  '--config ../../app-config.yaml',
  '--config ../app/e2e-statewide/app-config.statewide.yaml',
].join(' ');
const env = {
  STATEWIDE_CATALOG_DIR: catalogDir,
  STATEWIDE_BACKEND_PORT: backendPort,
  STATEWIDE_APP_PORT: appPort,
  DATA_CATALOG_SQLITE_DIR: dataDir,
};

export default defineConfig({
  testDir: 'packages/app/e2e-statewide',
  // Reading a statewide catalog takes minutes, and the scroll through the
  // matrix a minute more on a slow machine.
  timeout: 10 * 60_000,
  expect: { timeout: 60_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e-statewide.json' }],
    [
      'html',
      { open: 'never', outputFolder: 'test-results/e2e-statewide-report' },
    ],
  ],
  outputDir: 'test-results/e2e-statewide',
  globalSetup: './packages/app/e2e-statewide/waitForStatewideCatalog.ts',
  use: {
    ...demo.use,
    baseURL: `http://localhost:${appPort}`,
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      // Playwright starts its web servers before any global setup, so the
      // catalog is generated here, just before the backend that reads it.
      // The backend runs without the development server's file watching:
      // an edit elsewhere in the repository must not restart it half way
      // through reading 17,000 entities.
      command:
        `yarn data-catalog generate --out "${catalogDir}" ${size.args} && ` +
        'cd packages/backend && node --enable-source-maps --require ' +
        `@backstage/cli-node/config/nodeTransform.cjs src/index.ts ${configs}`,
      url: `http://localhost:${backendPort}/.backstage/health/v1/readiness`,
      env: { ...env, NODE_ENV: 'development' },
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `yarn workspace app start ${configs}`,
      url: `http://localhost:${appPort}`,
      env,
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
