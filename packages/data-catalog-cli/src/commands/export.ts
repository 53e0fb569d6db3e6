import { Command } from 'commander';
import fs from 'node:fs/promises';
import path from 'node:path';
import { workbookBuffer } from '@internal/plugin-data-catalog-node';
import { CliError, EXIT_CODES } from '../exitCodes';
import { loadExportContent } from '../export/loadExportContent';

interface ExportOptions {
  district?: string;
  region?: boolean;
  catalog: string;
  out?: string;
}

/**
 * Writes the file whole or not at all: the bytes go to a temporary file in
 * the same folder, which is renamed over the target only once complete.
 */
async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.tmp`,
  );
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new CliError(
      `could not write ${file}: ${(error as Error).message}`,
      EXIT_CODES.writeFailed,
    );
  }
}

async function exportWorkbook(options: ExportOptions): Promise<void> {
  if (Boolean(options.district) === Boolean(options.region)) {
    throw new CliError(
      'give either --district <name> or --region',
      EXIT_CODES.usage,
    );
  }

  const { content, skipped } = await loadExportContent(options.catalog, {
    district: options.district,
  });
  for (const line of skipped) {
    process.stderr.write(`left out, as the catalog would: ${line}\n`);
  }

  const out =
    options.out ?? `data-catalog-${options.district ?? 'region'}.xlsx`;
  await writeAtomically(out, await workbookBuffer(content));

  const districts = new Set(content.gaps.map(g => g.district)).size;
  process.stdout.write(
    `Wrote ${out}: ${content.sources.length} sources, ${
      content.indicators.length
    } indicators, gaps for ${districts} district${
      districts === 1 ? '' : 's'
    }.\n`,
  );
}

/** `data-catalog export`: a district's or the region's workbook. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Write the data-catalog workbook of one district or of the whole region',
    )
    .option('--district <name>', 'the district group, such as alder-creek')
    .option('--region', 'every district of the catalog')
    .option(
      '--catalog <dir>',
      'the catalog-info folder to read',
      'catalog-info',
    )
    .option(
      '--out <file>',
      'the workbook to write (default: data-catalog-<district or region>.xlsx)',
    )
    .action(async (options: ExportOptions) => exportWorkbook(options));
}
