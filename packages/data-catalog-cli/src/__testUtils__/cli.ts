import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../index';

/** The repository's root, which holds the demo catalog. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** The demo region's catalog-info folder. */
export const DEMO_CATALOG = path.join(REPO_ROOT, 'catalog-info');

/** The tool's real executable, for tests of exit codes in a process. */
export const BIN = path.resolve(__dirname, '../../bin/data-catalog');

/** Runs the tool in this process and gives back what it wrote. */
export async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      stdout += chunk.toString();
      return true;
    });
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      stderr += chunk.toString();
      return true;
    });
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const folders: string[] = [];

/**
 * A fresh folder under the system's temporary folder, removed after the
 * test file's last test.
 */
export function temporaryFolder(prefix = 'data-catalog-'): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

afterAll(() => {
  for (const folder of folders.splice(0)) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
