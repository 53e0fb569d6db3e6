import fs from 'node:fs';
import readline from 'node:readline';
import { parseRunEvent, RunEvent } from './runEvent';

/** A line of an events file that could not be taken. */
export interface EventsFileProblem {
  /** One-based, as an editor shows it. */
  line: number;
  message: string;
}

/** What one reading of an events file found. */
export interface EventsFileContents {
  events: RunEvent[];
  problems: EventsFileProblem[];
}

/**
 * Reads a JSON-lines file of OpenLineage run events, one event a line, as
 * OpenLineage's file transport writes them. A line that is not JSON or not
 * a run event is reported with its number and the rest is read; blank
 * lines are skipped.
 *
 * @throws the file system's error when the file cannot be opened
 */
export async function readEventsFile(
  filePath: string,
): Promise<EventsFileContents> {
  // Open first, so that a missing file fails here rather than mid-stream.
  const handle = await fs.promises.open(filePath, 'r');
  const lines = readline.createInterface({
    input: handle.createReadStream({ encoding: 'utf8' }),
    crlfDelay: Infinity,
  });

  const events: RunEvent[] = [];
  const problems: EventsFileProblem[] = [];
  let line = 0;

  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') {
      continue;
    }

    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push({
        line,
        message: `Line ${line} is not JSON: ${(error as Error).message}`,
      });
      continue;
    }

    try {
      events.push(parseRunEvent(value));
    } catch (error) {
      problems.push({
        line,
        message: `Line ${line}: ${(error as Error).message}`,
      });
    }
  }
  return { events, problems };
}
