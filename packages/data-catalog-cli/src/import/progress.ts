import { Presets, SingleBar } from 'cli-progress';
import { ReadProgress } from '@internal/plugin-data-catalog-node';

/** Workbooks smaller than this are read before a bar would be seen. */
const MIN_ROWS_FOR_BAR = 2000;

/**
 * A progress bar on stderr while a large workbook is read. It appears only
 * on a terminal, so logs and CI output get no control characters, and
 * only once a workbook is known to be large.
 */
export class ProgressReporter {
  private bar?: SingleBar;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update({ rowsRead, rowEstimate }: ReadProgress): void {
    if (!this.stream.isTTY) {
      return;
    }
    const total = Math.max(rowEstimate ?? 0, rowsRead);
    if (!this.bar) {
      if (total < MIN_ROWS_FOR_BAR) {
        return;
      }
      this.bar = new SingleBar(
        {
          stream: this.stream,
          format: 'Reading rows [{bar}] {value}/{total}',
          hideCursor: true,
          clearOnComplete: true,
        },
        Presets.shades_classic,
      );
      this.bar.start(total, rowsRead);
      return;
    }
    this.bar.setTotal(total);
    this.bar.update(rowsRead);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
