#!/usr/bin/env node
/*
 * Waits until the backend on this machine serves the regional matrix with
 * the demo region in it: signed in, catalog loaded, read model refreshed.
 * Gives up after the given number of seconds (default 360).
 */
const base = 'http://127.0.0.1:7007';
const deadline = Date.now() + Number(process.argv[2] ?? 360) * 1000;

async function ready() {
  const auth = await fetch(`${base}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!auth.ok) {
    return false;
  }
  const { token } = (await auth.json()).backstageIdentity;
  const matrix = await fetch(`${base}/api/data-catalog/region/matrix`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!matrix.ok) {
    return false;
  }
  const { districts, indicators } = await matrix.json();
  return districts.length > 0 && indicators.length > 0;
}

(async () => {
  while (Date.now() < deadline) {
    if (await ready().catch(() => false)) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  process.stderr.write('the backend did not serve the demo region in time\n');
  process.exitCode = 1;
})();
