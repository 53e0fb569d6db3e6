import { LoggerService } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import { ObservedLineage } from '../lineage/ObservedLineage';
import { readEventsFile } from './readEventsFile';

/**
 * Feeds a JSON-lines file of run events to the lineage on each call, as the
 * scheduler makes them. A file left unchanged since the last reading is not
 * read again; after a restart it is read once more, which records nothing
 * new, since seeing an event twice is harmless.
 */
export class EventsFileReader {
  private lastVersion?: string;

  constructor(
    private readonly options: {
      file: string;
      lineage: ObservedLineage;
      logger: LoggerService;
    },
  ) {}

  async read(): Promise<void> {
    const { file, lineage, logger } = this.options;

    let version: string;
    try {
      const stats = await fs.promises.stat(file);
      version = `${stats.size}:${stats.mtimeMs}`;
    } catch (error) {
      logger.warn(
        `Cannot read the OpenLineage events file ${file}`,
        error as Error,
      );
      return;
    }
    if (version === this.lastVersion) {
      logger.debug(`OpenLineage events file ${file} is unchanged`);
      return;
    }

    const { events, problems } = await readEventsFile(file);
    for (const problem of problems) {
      logger.warn(`Skipped a line of ${file}: ${problem.message}`);
    }

    const report = await lineage.ingest(events);
    this.lastVersion = version;
    logger.info(
      `Read ${events.length} OpenLineage run events from ${file}, skipped ${problems.length} lines: ${report.datasets.matched.length} datasets matched a DataSource, ${report.datasets.unknown.length} unknown, ${report.datasets.ambiguous.length} ambiguous`,
    );
  }
}
