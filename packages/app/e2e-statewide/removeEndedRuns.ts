import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FOLDER = /^data-catalog-statewide-(\d+)(-sqlite)?$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the generated catalogs and SQLite folders of earlier statewide
 * runs whose runner has ended. A run cannot remove its own at the end:
 * Playwright stops the backend only after the last teardown, and the
 * backend still writes into its SQLite folder until then. The folders are
 * named after the runner's process, so a run going on beside this one
 * keeps its own.
 */
export function removeEndedRuns(tmp = os.tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(tmp)) {
    const match = FOLDER.exec(name);
    const pid = Number(match?.[1]);
    if (match && pid !== process.pid && !isRunning(pid)) {
      fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
