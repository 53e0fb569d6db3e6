import { InputError } from '@backstage/errors';
import { z } from 'zod';

// Identifiers longer than this are not dataset names but something pasted
// by mistake; the limit also keeps the store's key columns small.
const MAX_IDENTIFIER_LENGTH = 1000;

// One request or one file line carries at most this many datasets per side.
const MAX_DATASETS = 1000;

// Says "missing" for a field left out, and what was expected otherwise.
const expected =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'missing' : what;

const identifier = (what: string) =>
  z
    .string({ error: expected(`expected the ${what} as a string`) })
    .min(1, { error: `expected the ${what}, found an empty string` })
    .max(MAX_IDENTIFIER_LENGTH, {
      error: `expected the ${what} in at most ${MAX_IDENTIFIER_LENGTH} characters`,
    });

const datasetSchema = z.object({
  namespace: identifier('dataset namespace'),
  name: identifier('dataset name'),
});

const datasetsSchema = z
  .array(datasetSchema, { error: expected('expected a list of datasets') })
  .max(MAX_DATASETS, { error: `expected at most ${MAX_DATASETS} datasets` })
  .optional();

/** The OpenLineage event types, as the specification spells them. */
export const RUN_EVENT_TYPES = [
  'START',
  'RUNNING',
  'COMPLETE',
  'ABORT',
  'FAIL',
  'OTHER',
] as const;

/**
 * The part of an OpenLineage RunEvent this module reads. Facets and any
 * other field are accepted and dropped: lineage needs only the datasets.
 * The specification lets a producer leave out `eventType`, so this does too.
 */
const runEventSchema = z.object(
  {
    eventType: z
      .enum(RUN_EVENT_TYPES, {
        error: expected(`expected one of ${RUN_EVENT_TYPES.join(', ')}`),
      })
      .optional(),
    eventTime: z.iso.datetime({
      offset: true,
      error: expected('expected an ISO 8601 date and time with a time zone'),
    }),
    run: z.object(
      { runId: z.guid({ error: expected('expected the run id as a UUID') }) },
      { error: expected('expected an object with the run id') },
    ),
    job: z.object(
      {
        namespace: identifier('job namespace'),
        name: identifier('job name'),
      },
      { error: expected('expected an object with the job namespace and name') },
    ),
    inputs: datasetsSchema,
    outputs: datasetsSchema,
  },
  { error: 'expected an OpenLineage run event as a JSON object' },
);

/** A dataset as OpenLineage names it. */
export interface Dataset {
  namespace: string;
  name: string;
}

/** An OpenLineage run event, reduced to what lineage needs. */
export interface RunEvent {
  eventType?: (typeof RUN_EVENT_TYPES)[number];
  /** Normalised to UTC, `2026-12-03T02:15:00.000Z`. */
  eventTime: string;
  runId: string;
  job: { namespace: string; name: string };
  inputs: Dataset[];
  outputs: Dataset[];
}

/**
 * Checks one OpenLineage run event and reduces it to what lineage needs.
 *
 * @throws InputError naming each field that is wrong
 */
export function parseRunEvent(value: unknown, label = 'run event'): RunEvent {
  const result = runEventSchema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      `Invalid OpenLineage ${label}: ${describeIssues(result.error.issues)}`,
    );
  }

  const { eventType, eventTime, run, job, inputs, outputs } = result.data;
  return {
    eventType,
    eventTime: new Date(eventTime).toISOString(),
    runId: run.runId,
    job,
    inputs: inputs ?? [],
    outputs: outputs ?? [],
  };
}

/**
 * Checks a request body: one run event or a list of them. Nothing is taken
 * when any of them is wrong, so that a producer can send the batch again
 * once fixed without recording half of it twice.
 *
 * @throws InputError naming the event and each field that is wrong
 */
export function parseRunEvents(body: unknown, maxEvents: number): RunEvent[] {
  if (!Array.isArray(body)) {
    return [parseRunEvent(body)];
  }
  if (body.length === 0) {
    throw new InputError('Expected at least one OpenLineage run event');
  }
  if (body.length > maxEvents) {
    throw new InputError(
      `Expected at most ${maxEvents} OpenLineage run events in one request, found ${body.length}`,
    );
  }

  const problems: string[] = [];
  const events: RunEvent[] = [];
  body.forEach((item, index) => {
    try {
      events.push(parseRunEvent(item, `run event [${index}]`));
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  if (problems.length > 0) {
    throw new InputError(joinProblems(problems));
  }
  return events;
}

// A handful of problems says what to fix; hundreds would bury it.
const MAX_PROBLEMS = 10;

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return joinProblems(
    issues.map(issue => `${formatPath(issue.path)}: ${issue.message}`),
  );
}

function joinProblems(problems: string[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS).join('; ');
  const more = problems.length - MAX_PROBLEMS;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/** `inputs[2].name`, as a producer's developer would write it. */
function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) {
    return 'the event';
  }
  return path
    .map((part, index) => {
      if (typeof part === 'number') {
        return `[${part}]`;
      }
      return index === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
}
