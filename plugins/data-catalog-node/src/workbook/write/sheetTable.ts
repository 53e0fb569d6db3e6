import type { Worksheet } from 'exceljs';
import { ColumnSpec } from '../layout';

type Cell = string | number | Date | undefined;

/**
 * Lays a table out on a sheet: a bold, frozen header row with filters, and
 * widths that fit the headers. Rows are objects keyed by column key.
 */
export function writeTable<K extends string>(
  sheet: Worksheet,
  columns: readonly ColumnSpec<K>[],
  rows: Array<Partial<Record<K, Cell>>>,
  widths: Partial<Record<K, number>> = {},
): void {
  sheet.columns = columns.map(col => ({
    header: col.header,
    key: col.key,
    width: widths[col.key] ?? Math.max(12, col.header.length + 4),
  }));

  for (const row of rows) {
    sheet.addRow(row);
  }

  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: columns.length },
  };
}

/** A column of a sheet only the exporter writes. */
export function exportColumn<K extends string>(
  key: K,
  header: string,
): ColumnSpec<K> {
  return { key, header, aliases: [], description: '' };
}
