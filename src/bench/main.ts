/**
 * `npm run bench`: the scale targets, measured as medians over several runs,
 * each in its own process.
 *
 *   1. the baseline at 1,000,000 claims (one replication) on the default
 *      workers: claims per second and peak resident memory;
 *   2. the bare-XState reference at 100,000 claims on one thread, and engine
 *      throughput as a ratio of it;
 *   3. the baseline at 10,000,000 claims: peak resident memory;
 *   4. the command line's start: `validate` of the baseline, and `run` of a
 *      scenario it refuses (bad input must be refused within a second).
 *
 * Options: --runs N (default 3), --claims N (default 1,000,000), --skip-10m.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = option('--runs', 3);
const claims = option('--claims', 1_000_000);
const workers = availableParallelism();
const measureScript = fileURLToPath(new URL('./measure.js', import.meta.url));

function measure(...measureArgs: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, [measureScript, ...measureArgs], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`measure ${measureArgs.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const say = (line: string) => process.stdout.write(`${line}\n`);

say(`claimsim benchmark: baseline scenario, ${runs} runs each, ${workers} workers, Node ${process.version}`);

const engine = Array.from({ length: runs }, (_, i) => {
  const m = measure('engine', String(claims), String(workers));
  say(`  run ${i + 1}: ${fmt(claims)} claims in ${fmt(m.seconds!, 2)} s, ${fmt(m.claimsPerSecond!)} claims/s, peak RSS ${fmt(m.peakRssMb!)} MB`);
  return m;
});
say(`engine, ${fmt(claims)} claims, ${workers} workers: median ${fmt(median(engine.map((m) => m.seconds!)), 2)} s, ${fmt(median(engine.map((m) => m.claimsPerSecond!)))} claims/s, peak RSS ${fmt(median(engine.map((m) => m.peakRssMb!)))} MB`);

const reference = Array.from({ length: runs }, () => measure('reference', '100000'));
const ref = (k: string) => median(reference.map((m) => m[k]!));
say(
  `bare XState reference, 100,000 claims, 1 thread: ${fmt(ref('transitionsPerClaim'), 2)} transitions/claim, bare ${fmt(ref('bareClaimsPerSecond'))} claims/s, engine ${fmt(ref('engineClaimsPerSecond'))} claims/s, ratio ${fmt(ref('ratio'), 2)} (median of ${runs})`,
);

if (!args.includes('--skip-10m')) {
  const big = measure('engine', '10000000', String(workers));
  say(`engine, 10,000,000 claims, ${workers} workers: ${fmt(big.seconds!, 1)} s, ${fmt(big.claimsPerSecond!)} claims/s, peak RSS ${fmt(big.peakRssMb!)} MB`);
}

// The command line's start, whole process, as a user meets it: most of it is loading modules.
const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const baseline = fileURLToPath(new URL('../../scenarios/baseline.yaml', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'claimsim-bench-'));
const refused = join(scratch, 'negative-teams.yaml');
writeFileSync(refused, 'name: bad\ndescription: refused\nextends: baseline\nparameters:\n  world:\n    teams: -3\n');
const STARTS = 9;
const wallSeconds = (cliArgs: string[], status: number) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...cliArgs], { encoding: 'utf8', cwd: scratch });
  if (r.status !== status) throw new Error(`claimsim ${cliArgs.join(' ')} exited ${r.status}, not ${status}: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
};
try {
  for (const [label, cliArgs, status] of [
    ['validate baseline', ['validate', baseline], 0],
    ['run of a refused scenario', ['run', refused], 2],
  ] as const) {
    const times = Array.from({ length: STARTS }, () => wallSeconds([...cliArgs], status));
    say(`command line, ${label}: median ${fmt(median(times), 2)} s wall (min ${fmt(Math.min(...times), 2)}, max ${fmt(Math.max(...times), 2)}, ${STARTS} starts)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
