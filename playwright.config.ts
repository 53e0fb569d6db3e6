import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

// The end-to-end suite drives Debian's Chromium, since Playwright's own
// browser download cannot run on this project's machines. It starts the
// portal itself, on a fresh SQLite folder so that a run never sees data
// left by an earlier one, and stops it afterwards.
const dataDir =
  process.env.E2E_SQLITE_DIR ??
  path.join(os.tmpdir(), `data-catalog-e2e-${process.pid}`);

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e.json' }],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: 'http://localhost:3000',
    viewport: { width: 1280, height: 900 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: 'yarn workspace backend start',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      env: { DATA_CATALOG_SQLITE_DIR: dataDir },
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'yarn workspace app start',
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
