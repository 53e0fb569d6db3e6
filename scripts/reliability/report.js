/*
 * Prints a reliability run's figures as a Markdown table, for the README,
 * and writes them as JSON when asked.
 */
const fs = require('node:fs');
const os = require('node:os');

const ms = value => (value === undefined ? '-' : `${value.toFixed(1)} ms`);

function table(summary) {
  const lines = [
    '| route | requests | errors | p50 | p95 | p99 | max |',
    '| ----- | -------- | ------ | --- | --- | --- | --- |',
  ];
  for (const r of summary.routes) {
    lines.push(
      `| ${r.route} | ${r.count} | ${r.errors} | ${ms(r.p50)} | ${ms(
        r.p95,
      )} | ${ms(r.p99)} | ${ms(r.max)} |`,
    );
  }
  return lines.join('\n');
}

function outageLines(summary) {
  if (summary.outageMs === undefined) {
    return [];
  }
  const statuses = Object.entries(summary.statuses)
    .map(
      ([status, count]) =>
        `${count} × ${status === '0' ? 'no answer' : status}`,
    )
    .join(', ');
  return [
    '',
    `PostgreSQL stopped for ${(summary.outageMs / 1000).toFixed(1)} s: ` +
      `${summary.failedDuringOutage} of ${summary.duringOutage} requests ` +
      `failed meanwhile (${statuses || 'none'}), answered in ` +
      `${ms(summary.failureLatency.p50)} median, ${ms(
        summary.failureLatency.p99,
      )} p99.`,
    `Messages: ${summary.messages.map(m => `"${m}"`).join('; ') || '-'}.`,
    `First success ${ms(summary.recoveredAfterMs)} after PostgreSQL was ` +
      `started again; ${summary.failuresFiveSecondsAfterRestart} requests ` +
      'sent 5 s or more after the restart failed.',
  ];
}

function writeReport(summary, out) {
  const cpus = os.cpus();
  const text = [
    `${summary.mode} run: ${summary.readers} readers and ${summary.writers} ` +
      `annotation writers for ${summary.seconds} s, on ${cpus.length} cores ` +
      `(${cpus[0]?.model.trim()}), Node ${process.version}.`,
    '',
    table(summary),
    ...outageLines(summary),
    '',
    `Acknowledged annotation writes: ${summary.acknowledgedWrites}; ` +
      `missing or changed afterwards: ${summary.missingWrites}.`,
  ].join('\n');
  process.stdout.write(`${text}\n`);
  if (out) {
    fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
    fs.writeFileSync(out.replace(/\.json$/, '.md'), `${text}\n`);
  }
}

module.exports = { writeReport };
