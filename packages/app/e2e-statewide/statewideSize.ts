/** The size of the generated catalog the statewide run reads. */
export interface StatewideSize {
  name: 'ci' | 'full';
  seed: number;
  boces: number;
  districts: number;
  sources: [number, number];
  elements: number;
  indicators: number;
  /** The same, as options of `data-catalog generate`. */
  args: string;
}

// New York's size: 37 BOCES and 770 districts, about 17,600 entities. CI
// reads a smaller state by default, since the catalog takes minutes per
// thousand entities on a CI machine's two cores (the figures are in
// docs/statewide-pages.md of the data catalog's command-line tool).
const SIZES = {
  full: { boces: 37, districts: 770 },
  ci: { boces: 10, districts: 200 },
};

function wholeNumber(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') {
    return fallback;
  }
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new Error(`${name} must be a whole number above 0, got "${value}"`);
  }
  return Number(value);
}

/**
 * The size from the environment: STATEWIDE_SIZE=full for the whole state,
 * or `ci` (the default); STATEWIDE_DISTRICTS and STATEWIDE_BOCES override
 * either.
 */
export function statewideSize(): StatewideSize {
  const name = process.env.STATEWIDE_SIZE ?? 'ci';
  if (name !== 'ci' && name !== 'full') {
    throw new Error(`STATEWIDE_SIZE must be "ci" or "full", got "${name}"`);
  }
  const size = {
    name,
    seed: wholeNumber('STATEWIDE_SEED', 1),
    boces: wholeNumber('STATEWIDE_BOCES', SIZES[name].boces),
    districts: wholeNumber('STATEWIDE_DISTRICTS', SIZES[name].districts),
    sources: [10, 30] as [number, number],
    elements: 150,
    indicators: 200,
  };
  const args = [
    `--seed ${size.seed}`,
    `--boces ${size.boces}`,
    `--districts ${size.districts}`,
    `--sources ${size.sources[0]}-${size.sources[1]}`,
    `--elements ${size.elements}`,
    `--indicators ${size.indicators}`,
  ].join(' ');
  return { ...size, args };
}
