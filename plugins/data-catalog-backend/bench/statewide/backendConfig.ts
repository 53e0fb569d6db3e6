/** What the benchmark chose for one backend under test. */
export interface BackendChoices {
  port: number;
  /** The static token the benchmark calls the backend with. */
  token: string;
  processingIntervalSeconds: number;
  database:
    | { client: 'better-sqlite3'; directory: string }
    | { client: 'pg'; connection: string; prefix: string };
}

/**
 * The configuration of a backend under test, as an app-config file would
 * hold it: the chosen port and database, a static token for the
 * benchmark's calls, permissions off (so that its service token reads
 * everything), and the catalog's rules for the kinds of both runs.
 */
export function backendConfig(choices: BackendChoices) {
  const { port, token, database } = choices;
  return {
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      database:
        database.client === 'pg'
          ? {
              client: 'pg',
              connection: database.connection,
              prefix: database.prefix,
            }
          : { client: 'better-sqlite3', connection: database },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'statewide-bench' } },
        ],
      },
    },
    permission: { enabled: false },
    catalog: {
      processingInterval: { seconds: choices.processingIntervalSeconds },
      rules: [
        {
          allow: [
            'Location',
            'Group',
            'User',
            'Resource',
            'DataSource',
            'DataElement',
            'Indicator',
          ],
        },
      ],
    },
    dataCatalog: {
      // One run at start-up, of the empty catalog; then only the one the
      // benchmark triggers once the catalog is stitched: a scheduled run
      // during loading would time half a catalog. No initial delay: the
      // scheduler runs no trigger before it has passed.
      readModel: {
        schedule: { frequency: { hours: 24 }, timeout: { minutes: 30 } },
      },
    },
  };
}
