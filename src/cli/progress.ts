/**
 * Progress on long runs: a bar on stderr, rewritten in place, with the units
 * done, claims per second and time left. Only on a terminal and not in CI, so
 * pipes and logs stay clean.
 */
const WIDTH = 24;

/**
 * @example progressBar(3, 12, 24) // '[######..................]'
 */
export function progressBar(done: number, total: number, width = WIDTH): string {
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** Seconds as "1 h 02 min", "3 min 05 s" or "12 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}

/** Claims in one (replication, team) unit of `scenario`'s runs: what the bar's claims per second count. */
export function claimsPerUnit(scenario: { readonly parameters: { readonly volume: { readonly claims: number }; readonly world: { readonly teams: number } } }): number {
  return scenario.parameters.volume.claims / scenario.parameters.world.teams;
}

/** A bar over `total` units of `claimsPerUnit` claims each, or nothing where no one is watching. */
export function progressReporter(label: string, claimsPerUnit: number): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  const t0 = performance.now();
  return (done, total) => {
    const seconds = (performance.now() - t0) / 1000;
    const rate = (done * claimsPerUnit) / Math.max(seconds, 1e-9);
    const left = done < total ? `, ${formatDuration((seconds / done) * (total - done))} left` : '';
    process.stderr.write(`\r${label} ${progressBar(done, total)} ${done}/${total}, ${Math.round(rate).toLocaleString('en-US')} claims/s${left}\x1b[K`);
    if (done === total) process.stderr.write('\n');
  };
}
