import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoClaims, IXL, RDW } from '../__testUtils__/claims';
import { runEvent } from '../__testUtils__/events';
import { DatabaseLineageStore } from '../database/LineageStore';
import { ObservedLineage } from '../lineage/ObservedLineage';
import { EventsFileReader } from './EventsFileReader';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('EventsFileReader', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openlineage-reader-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function setUp(file: string) {
    const knex = await databases.init('SQLITE_3');
    const logger = mockServices.logger.mock();
    const refresh = jest.fn(async (_ref: string) => {});
    const lineage = new ObservedLineage({
      store: await DatabaseLineageStore.create(mockServices.database({ knex })),
      claims: demoClaims(),
      logger,
      refresh,
    });
    const reader = new EventsFileReader({ file, lineage, logger });
    return { reader, lineage, logger, refresh };
  }

  it('takes the good lines, warns of the bad one by number', async () => {
    const file = path.join(dir, 'events.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(runEvent())}\n{oops\n`);
    const { reader, lineage, logger } = await setUp(file);

    await reader.read();

    expect(await lineage.upstreamOf(RDW, demoPatterns())).toEqual([IXL]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Skipped a line of .*events\.jsonl: Line 2 is not JSON/,
      ),
    );
  });

  it('reads the file again only once it changed', async () => {
    const file = path.join(dir, 'events.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(runEvent())}\n`);
    const { reader, refresh } = await setUp(file);

    await reader.read();
    await reader.read();
    expect(refresh).toHaveBeenCalledTimes(1);

    fs.appendFileSync(file, `${JSON.stringify(runEvent())}\n`);
    await reader.read();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('warns when the file is missing and tries again next time', async () => {
    const file = path.join(dir, 'later.jsonl');
    const { reader, logger, refresh } = await setUp(file);

    await reader.read();
    expect(logger.warn).toHaveBeenCalledWith(
      `Cannot read the OpenLineage events file ${file}`,
      expect.objectContaining({ code: 'ENOENT' }),
    );

    fs.writeFileSync(file, `${JSON.stringify(runEvent())}\n`);
    await reader.read();
    expect(refresh).toHaveBeenCalledWith(RDW);
  });
});

function demoPatterns() {
  return [
    {
      kind: 'prefix' as const,
      prefix: 'postgres://rdw-ods.northlake.example:5432/',
    },
  ];
}
