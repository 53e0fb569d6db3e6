import { InputError } from '@backstage/errors';
import { LANDING, ODS, runEvent } from '../__testUtils__/events';
import { parseRunEvent, parseRunEvents } from './runEvent';

function problemOf(value: unknown): string {
  try {
    parseRunEvent(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected the event to be refused');
}

describe('parseRunEvent', () => {
  it('keeps what lineage needs and drops the facets', () => {
    expect(parseRunEvent(runEvent())).toEqual({
      eventType: 'COMPLETE',
      eventTime: '2026-12-03T02:15:00.000Z',
      runId: '0193a1c2-5d4e-7f00-8a00-000000000001',
      job: { namespace: 'northlake-rdw', name: 'nightly.load_platform_usage' },
      inputs: [{ namespace: LANDING, name: 'ixl/alder-creek/usage.csv' }],
      outputs: [{ namespace: ODS, name: 'EdFi_Ods.rdw.PlatformUsage' }],
    });
  });

  it('reads times with an offset in UTC', () => {
    const event = parseRunEvent(
      runEvent({ eventTime: '2026-12-02T21:15:00-05:00' }),
    );

    expect(event.eventTime).toBe('2026-12-03T02:15:00.000Z');
  });

  it('takes an event without event type, datasets or facets', () => {
    const { eventType, inputs, outputs, ...bare } = runEvent();

    expect(parseRunEvent(bare)).toMatchObject({
      eventType: undefined,
      inputs: [],
      outputs: [],
    });
  });

  it.each([
    [{ eventType: 'DONE' }, 'eventType: expected one of START, RUNNING'],
    [{ eventTime: 'last night' }, 'eventTime: expected an ISO 8601 date'],
    [{ eventTime: '2026-12-03T02:15:00' }, 'eventTime: expected an ISO 8601'],
    [{ eventTime: undefined }, 'eventTime: missing'],
    [{ run: { runId: 'run-42' } }, 'run.runId: expected the run id as a UUID'],
    [{ run: undefined }, 'run: missing'],
    [{ job: { namespace: 'northlake-rdw' } }, 'job.name: missing'],
    [{ job: 'nightly' }, 'job: expected an object with the job namespace'],
    [
      { inputs: [{ namespace: LANDING, name: '' }] },
      'inputs[0].name: expected the dataset name, found an empty string',
    ],
    [
      { outputs: [{ name: 'EdFi_Ods.rdw.PlatformUsage' }] },
      'outputs[0].namespace: missing',
    ],
    [{ outputs: { namespace: ODS } }, 'outputs: expected a list of datasets'],
  ])('refuses %j: %s', (overrides, expected) => {
    expect(problemOf(runEvent(overrides))).toContain(
      `Invalid OpenLineage run event: ${expected}`,
    );
  });

  it('names every wrong field at once', () => {
    const message = problemOf(
      runEvent({ eventTime: 'soon', job: { name: 'x', namespace: '' } }),
    );

    expect(message).toContain('eventTime:');
    expect(message).toContain('job.namespace:');
  });

  it('refuses what is no object', () => {
    expect(problemOf('START')).toBe(
      'Invalid OpenLineage run event: the event: expected an OpenLineage run event as a JSON object',
    );
  });
});

describe('parseRunEvents', () => {
  it('takes one event or a list of them', () => {
    expect(parseRunEvents(runEvent(), 10)).toHaveLength(1);
    expect(parseRunEvents([runEvent(), runEvent()], 10)).toHaveLength(2);
  });

  it('refuses the whole list naming the position of each bad event', () => {
    expect(() =>
      parseRunEvents([runEvent(), runEvent({ run: {} }), runEvent()], 10),
    ).toThrow('Invalid OpenLineage run event [1]: run.runId: missing');
  });

  it('refuses an empty list and one longer than the limit', () => {
    expect(() => parseRunEvents([], 10)).toThrow(InputError);
    expect(() => parseRunEvents([runEvent(), runEvent()], 1)).toThrow(
      'Expected at most 1 OpenLineage run events in one request, found 2',
    );
  });
});
