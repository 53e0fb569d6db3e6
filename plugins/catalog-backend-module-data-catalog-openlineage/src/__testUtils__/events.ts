// Invented datasets of the demo region's warehouse and of one district's
// practice platform, as their OpenLineage integrations would name them.
export const ODS = 'postgres://rdw-ods.northlake.example:5432';
export const LANDING = 's3://northlake-rdw-landing';

/** A valid run event, as a producer sends it, facets and all. */
export function runEvent(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    eventType: 'COMPLETE',
    eventTime: '2026-12-03T02:15:00.000Z',
    producer: 'https://rdw.northlake.example/loader/1.4.0',
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: '0193a1c2-5d4e-7f00-8a00-000000000001', facets: {} },
    job: { namespace: 'northlake-rdw', name: 'nightly.load_platform_usage' },
    inputs: [
      { namespace: LANDING, name: 'ixl/alder-creek/usage.csv', facets: {} },
    ],
    outputs: [{ namespace: ODS, name: 'EdFi_Ods.rdw.PlatformUsage' }],
    ...overrides,
  };
}
