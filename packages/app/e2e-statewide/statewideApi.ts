import fs from 'node:fs';
import path from 'node:path';

/** Where the statewide run's backend listens. */
export function backendUrl(): string {
  return `http://localhost:${process.env.STATEWIDE_BACKEND_PORT ?? '7017'}`;
}

/** The generated catalog's folder, set by playwright.statewide.config.ts. */
export function catalogDir(): string {
  const dir = process.env.STATEWIDE_CATALOG_DIR;
  if (!dir) {
    throw new Error(
      'STATEWIDE_CATALOG_DIR is not set; run with --config playwright.statewide.config.ts',
    );
  }
  return dir;
}

/** Where the figures of the run are written, beside the other reports. */
export const RESULTS_DIR = path.resolve(__dirname, '../../../test-results');
export const INGESTION_FILE = path.join(
  RESULTS_DIR,
  'statewide-ingestion.json',
);
export const FIGURES_FILE = path.join(RESULTS_DIR, 'statewide-pages.json');

/** A token of the local guest, the same user the browser signs in as. */
export async function guestToken(): Promise<string> {
  const response = await fetch(
    `${backendUrl()}/api/auth/guest/refresh?env=development`,
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  if (!response.ok) {
    throw new Error(`Guest sign-in answered ${response.status}`);
  }
  const body = await response.json();
  return body.backstageIdentity.token;
}

/** GETs a path of the backend as the guest; the body and its size. */
export async function getJson<T>(
  token: string,
  urlPath: string,
): Promise<{ body: T; bytes: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${backendUrl()}${urlPath}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) {
    throw new Error(`GET ${urlPath} answered ${response.status}: ${text}`);
  }
  return { body: JSON.parse(text) as T, bytes: text.length, ms };
}

/** What the generated catalog holds, counted from its files. */
export interface GeneratedCatalog {
  /** Entities by kind, the root Location left out. */
  kinds: Record<string, number>;
  entities: number;
  /** District names with how many sources each has. */
  districts: Array<{ name: string; sources: number }>;
}

export function readGeneratedCatalog(dir = catalogDir()): GeneratedCatalog {
  // Outside CI a portal already listening is reused, and then nothing
  // generates the folder this run was given.
  if (!fs.existsSync(path.join(dir, 'catalog-info.yaml'))) {
    throw new Error(
      `No generated catalog in ${dir}: if a statewide portal was already ` +
        'running, it was reused and nothing was generated; stop it, or set ' +
        'STATEWIDE_CATALOG_DIR to the folder it reads',
    );
  }
  const kinds: Record<string, number> = {};
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.yaml') && file !== 'catalog-info.yaml');
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [, kind] of text.matchAll(/^kind: (\w+)$/gm)) {
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
  }

  const districts = fs
    .readdirSync(path.join(dir, 'districts'))
    .sort()
    .map(name => {
      const text = fs.readFileSync(
        path.join(dir, 'districts', name, 'catalog-info.yaml'),
        'utf8',
      );
      return { name, sources: text.match(/^kind: DataSource$/gm)?.length ?? 0 };
    });
  const entities = Object.values(kinds).reduce((sum, n) => sum + n, 0);
  return { kinds, entities, districts };
}
