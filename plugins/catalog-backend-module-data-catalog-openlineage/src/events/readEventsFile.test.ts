import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runEvent } from '../__testUtils__/events';
import { readEventsFile } from './readEventsFile';

describe('readEventsFile', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openlineage-file-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function write(lines: string[]): string {
    const file = path.join(dir, 'events.jsonl');
    fs.writeFileSync(file, lines.join('\n'));
    return file;
  }

  it('reports a bad line by number and reads the rest', async () => {
    const file = write([
      JSON.stringify(runEvent({ job: { namespace: 'rdw', name: 'first' } })),
      '{"eventType": "COMPLETE", ',
      '',
      JSON.stringify(runEvent({ run: { runId: 'not-a-uuid' } })),
      JSON.stringify(runEvent({ job: { namespace: 'rdw', name: 'last' } })),
    ]);

    const { events, problems } = await readEventsFile(file);

    expect(events.map(e => e.job.name)).toEqual(['first', 'last']);
    expect(problems).toEqual([
      { line: 2, message: expect.stringMatching(/^Line 2 is not JSON: /) },
      {
        line: 4,
        message:
          'Line 4: Invalid OpenLineage run event: run.runId: expected the run id as a UUID',
      },
    ]);
  });

  it('reads Windows line endings and a file without a final newline', async () => {
    const file = write([
      `${JSON.stringify(runEvent())}\r`,
      JSON.stringify(runEvent()),
    ]);

    const { events, problems } = await readEventsFile(file);

    expect(events).toHaveLength(2);
    expect(problems).toEqual([]);
  });

  it('fails when the file is missing', async () => {
    await expect(
      readEventsFile(path.join(dir, 'missing.jsonl')),
    ).rejects.toThrow(/ENOENT/);
  });
});
