/**
 * `npm run bench`: the engine's speed and memory, each figure from whole
 * processes spawned one after another (never two at once), with the machine's
 * load average at the start and the end so that a reader can judge the noise.
 *
 *   1. executors: the baseline at 100,000 claims, one replication, on one
 *      thread, stepped by XState's interpreter and by the compiled executor,
 *      one process per run, interleaved (xstate, compiled, xstate, ...) so
 *      that the machine's noise hits both alike; engine claims per second of
 *      each (median of --runs) and their ratio, compiled / xstate;
 *   2. the baseline at 1,000,000 claims (--claims), one replication, on the
 *      default workers: the whole `claimsim run` process as a user meets it
 *      (wall time from spawn to exit, peak RSS), and the engine in its own
 *      process (runScenario's time, claims per second, peak RSS); runs of the
 *      two interleaved; medians of --runs;
 *   3. the baseline at 10,000,000 claims, one process: peak RSS and claims per
 *      second (--skip-10m leaves it out);
 *   4. the default `claimsim sensitivity` of the baseline, whole process, one
 *      run (--skip-sensitivity leaves it out);
 *   5. the command line's start: `validate` of the baseline and `run` of a
 *      scenario it refuses, whole process (bad input must be refused quickly).
 *
 * Options: --runs N (default 3), --claims N (item 2; default 1,000,000),
 * --skip-10m, --skip-sensitivity, --json FILE (the figures as JSON), --quick
 * (small sizes, a smoke test of the bench itself; its figures mean little).
 *
 * Everything the spawned commands write goes to a folder under os.tmpdir(),
 * removed at the end (also on an error or an interrupt).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median as medianOf } from 'simple-statistics';

const USAGE = `usage: node dist/bench/main.js [--runs N] [--claims N] [--skip-10m] [--skip-sensitivity] [--quick] [--json FILE]
  --runs N             processes per measured figure, medians reported (default 3)
  --claims N           claims of the default-workers baseline run (default 1,000,000; --quick: 20,000)
  --skip-10m           leave out the 10,000,000-claim run
  --skip-sensitivity   leave out the default sensitivity analysis
  --quick              small sizes throughout, to check the bench itself runs
  --json FILE          also write the figures as JSON to FILE
`;

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

// ---- options ----------------------------------------------------------------

const FLAGS = new Set(['--skip-10m', '--skip-sensitivity', '--quick', '--help', '-h']);
const VALUED = new Set(['--runs', '--claims', '--json']);
const values = new Map<string, string>();
const flags = new Set<string>();
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const [name, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (FLAGS.has(name) && inline === undefined) flags.add(name);
    else if (VALUED.has(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${name} needs a value`);
      values.set(name, v);
    } else fail(`unknown argument: ${a}`);
  }
}
if (flags.has('--help') || flags.has('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const wholeOption = (name: string, fallback: number, min: number): number => {
  const text = values.get(name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) fail(`${name} must be a whole number of at least ${min}, got ${text}`);
  return n;
};

const quick = flags.has('--quick');
const runs = wholeOption('--runs', 3, 1);
const sizes = quick
  ? { pair: 5_000, baseline: wholeOption('--claims', 20_000, 1), big: 100_000, starts: 3, sensitivityArgs: ['--claims', '2000', '-r', '2'] }
  : { pair: 100_000, baseline: wholeOption('--claims', 1_000_000, 1), big: 10_000_000, starts: 9, sensitivityArgs: [] as string[] };
const skipBig = flags.has('--skip-10m');
const skipSensitivity = flags.has('--skip-sensitivity');
const jsonFile = values.has('--json') ? resolve(values.get('--json')!) : undefined;
const workers = availableParallelism();
// Runs that name no executor use CLAIMSIM_EXECUTOR if it is set (src/sim/executor/fromEnvironment.ts); the children inherit it, and it is said.
const envExecutor = process.env.CLAIMSIM_EXECUTOR || undefined;
const defaultExecutor = envExecutor === undefined ? 'default executor' : `executor ${envExecutor} (CLAIMSIM_EXECUTOR)`;

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const MEASURE = here('./measure.js');
const CLI = here('../cli/main.js');
const BASELINE = here('../../scenarios/baseline.yaml');
for (const file of [MEASURE, CLI, BASELINE]) if (!existsSync(file)) fail(`${file} is missing (run npm run build first)`);

// ---- output -------------------------------------------------------------------

const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const say = (line: string) => void (stdoutGone || process.stdout.write(`${line}\n`));
/** The middle of the runs' figures (simple-statistics' median, which takes a mutable array). */
const median = (xs: readonly number[]) => medianOf([...xs]);
const loads = () => loadavg().map((x) => Math.round(x * 100) / 100);
const loadText = (l: readonly number[]) => `${l.map((x) => fmt(x, 2)).join(', ')} (1, 5, 15 min)`;

// ---- spawning -----------------------------------------------------------------

interface Spawned {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to the child's exit. */
  readonly wallSeconds: number;
}

class Interrupted extends Error {}
let interrupted: NodeJS.Signals | undefined;
let running: ReturnType<typeof spawn> | undefined;
// A reader that goes away (\`npm run bench | head\`) stops the bench as an interrupt does, cleaning up.
let stdoutGone = false;
process.stdout.on('error', () => {
  stdoutGone = true;
  interrupted ??= 'SIGPIPE';
  running?.kill();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = signal;
    running?.kill(signal);
  });
}

function spawnNode(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Spawned> {
  if (interrupted) return Promise.reject(new Interrupted());
  return new Promise((done, reject) => {
    const t0 = performance.now();
    let wallSeconds = 0;
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    running = child;
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('exit', () => (wallSeconds = (performance.now() - t0) / 1000));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      running = undefined;
      if (interrupted) reject(new Interrupted());
      else done({ status, signal, stdout, stderr, wallSeconds });
    });
  });
}

const describe = (args: readonly string[]) => ['node', ...args.map((a) => a.replace(scratch, '$TMP'))].join(' ');
function expectStatus(r: Spawned, args: readonly string[], status: number): Spawned {
  if (r.status !== status) throw new Error(`${describe(args)} ended with ${r.signal ?? `status ${r.status}`}, not status ${status}:\n${r.stderr.slice(-4000)}`);
  return r;
}

// ---- measurements ---------------------------------------------------------------

interface EngineRun {
  readonly claims: number;
  readonly workers: number;
  readonly executor: string;
  readonly seconds: number;
  readonly claimsPerSecond: number;
  readonly peakRssMb: number;
  readonly netCost: number;
}

const scratch = mkdtempSync(join(tmpdir(), 'claimsim-bench-'));
const commands: string[] = [];
const note = (args: readonly string[]) => {
  const text = describe(args);
  if (!commands.includes(text)) commands.push(text);
};

/** `node dist/bench/measure.js BASELINE CLAIMS WORKERS [EXECUTOR]`, in its own process. */
async function engine(claims: number, threads: number, executor?: string): Promise<EngineRun> {
  const args = [MEASURE, BASELINE, String(claims), String(threads), ...(executor ? [executor] : [])];
  note(args);
  const r = expectStatus(await spawnNode(args, { cwd: scratch }), args, 0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as EngineRun;
}

/**
 * The CLI, whole process, timed from spawn to exit. A --require'd hook (a few
 * lines, run at exit) writes the process's peak RSS to a file, worker threads
 * included.
 */
const RSS_HOOK = join(scratch, 'rss-hook.cjs');
writeFileSync(
  RSS_HOOK,
  `const { isMainThread } = require('node:worker_threads');
const file = process.env.CLAIMSIM_BENCH_RSS_FILE;
if (file && isMainThread) process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)));
`,
);
let cliRuns = 0;
async function cli(cliArgs: readonly string[], status = 0): Promise<Spawned & { peakRssMb: number }> {
  const rssFile = join(scratch, `rss-${cliRuns++}.txt`);
  note([CLI, ...cliArgs]);
  const args = ['--require', RSS_HOOK, CLI, ...cliArgs];
  const r = expectStatus(await spawnNode(args, { cwd: scratch, env: { ...process.env, CLAIMSIM_BENCH_RSS_FILE: rssFile } }), args, status);
  const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  rmSync(rssFile, { force: true });
  return { ...r, peakRssMb };
}

const report: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  workers,
  runs,
  quick,
  loadAverageStart: loads(),
  claimsimExecutor: envExecutor ?? null,
};

/** The medians of several engine runs' figures. */
function medianRun(rs: readonly EngineRun[]): { seconds: number; claimsPerSecond: number; peakRssMb: number } {
  return { seconds: median(rs.map((r) => r.seconds)), claimsPerSecond: median(rs.map((r) => r.claimsPerSecond)), peakRssMb: median(rs.map((r) => r.peakRssMb)) };
}

async function main(): Promise<void> {
  say(
    `claimsim benchmark${quick ? ' (--quick: small sizes, a smoke test)' : ''}: Node ${process.version}, ${report.platform}, ${report.cpus} CPUs (${report.cpuModel}), ${workers} workers (os.availableParallelism()), ${runs} run${runs === 1 ? '' : 's'} per figure`,
  );
  say(`load average at start: ${loadText(report.loadAverageStart as number[])}`);
  if (envExecutor !== undefined) say(`CLAIMSIM_EXECUTOR=${envExecutor}: the runs that name no executor (all but the executors' pairs) use it`);

  // 1. Both executors on the same claims, one thread each, interleaved.
  say(`executors: baseline, ${fmt(sizes.pair)} claims, 1 replication, 1 thread (workers 1), one process per run, interleaved:`);
  const pairs: { xstate: EngineRun; compiled: EngineRun }[] = [];
  for (let i = 0; i < runs; i++) {
    const xstate = await engine(sizes.pair, 1, 'xstate');
    const compiled = await engine(sizes.pair, 1, 'compiled');
    pairs.push({ xstate, compiled });
    say(
      `  run ${i + 1}: xstate ${fmt(xstate.seconds, 2)} s, ${fmt(xstate.claimsPerSecond)} claims/s; compiled ${fmt(compiled.seconds, 2)} s, ${fmt(compiled.claimsPerSecond)} claims/s; ratio ${fmt(compiled.claimsPerSecond / xstate.claimsPerSecond, 2)}x`,
    );
  }
  const xs = medianRun(pairs.map((p) => p.xstate));
  const cs = medianRun(pairs.map((p) => p.compiled));
  const xstateCps = xs.claimsPerSecond;
  const compiledCps = cs.claimsPerSecond;
  const identical = pairs.every((p) => p.xstate.netCost === p.compiled.netCost && p.xstate.netCost === pairs[0]!.xstate.netCost);
  say(`executor xstate: ${fmt(xstateCps)} claims/s (median of ${runs}, ${fmt(xs.seconds, 2)} s, peak RSS ${fmt(xs.peakRssMb)} MB)`);
  say(`executor compiled: ${fmt(compiledCps)} claims/s (median of ${runs}, ${fmt(cs.seconds, 2)} s, peak RSS ${fmt(cs.peakRssMb)} MB)`);
  say(`executor ratio, compiled / xstate: ${fmt(compiledCps / xstateCps, 2)}x (of the medians; results identical: ${identical ? 'yes' : 'NO'})`);
  report.executors = {
    claims: sizes.pair,
    replications: 1,
    workers: 1,
    xstate: { claimsPerSecond: xstateCps, runs: pairs.map((p) => p.xstate) },
    compiled: { claimsPerSecond: compiledCps, runs: pairs.map((p) => p.compiled) },
    ratio: compiledCps / xstateCps,
    identicalResults: identical,
  };

  // 2. The baseline on the default workers: the CLI as a user meets it, and the engine alone; interleaved.
  const n = sizes.baseline;
  say(`baseline: ${fmt(n)} claims, 1 replication, ${workers} workers, ${defaultExecutor}, one process per run, interleaved:`);
  const whole: { wallSeconds: number; peakRssMb: number }[] = [];
  const engineRuns: EngineRun[] = [];
  for (let i = 0; i < runs; i++) {
    const w = await cli(['run', BASELINE, '--claims', String(n), '-r', '1', '--out', join(scratch, `run-${i + 1}`)]);
    rmSync(join(scratch, `run-${i + 1}`), { recursive: true, force: true });
    const e = await engine(n, workers);
    whole.push({ wallSeconds: w.wallSeconds, peakRssMb: w.peakRssMb });
    engineRuns.push(e);
    say(
      `  run ${i + 1}: claimsim run ${fmt(w.wallSeconds, 2)} s wall, peak RSS ${fmt(w.peakRssMb)} MB; engine ${fmt(e.seconds, 2)} s, ${fmt(e.claimsPerSecond)} claims/s, peak RSS ${fmt(e.peakRssMb)} MB`,
    );
  }
  const wallMedian = median(whole.map((w) => w.wallSeconds));
  say(
    `baseline, whole process (claimsim run): ${fmt(wallMedian, 2)} s wall from spawn to exit, ${fmt(n / wallMedian)} claims/s, peak RSS ${fmt(median(whole.map((w) => w.peakRssMb)))} MB (median of ${runs})`,
  );
  const es = medianRun(engineRuns);
  say(`baseline, engine in process: ${fmt(es.seconds, 2)} s, ${fmt(es.claimsPerSecond)} claims/s, peak RSS ${fmt(es.peakRssMb)} MB (median of ${runs})`);
  report.baseline = {
    claims: n,
    replications: 1,
    workers,
    wholeProcess: { wallSeconds: wallMedian, claimsPerSecond: n / wallMedian, peakRssMb: median(whole.map((w) => w.peakRssMb)), runs: whole },
    engine: { ...es, runs: engineRuns },
  };

  // 3. The big run (10,000,000 claims; --quick: 100,000): peak memory, which should not grow with the claims.
  if (skipBig) {
    report.big = null;
  } else {
    const big = await engine(sizes.big, workers);
    say(`big run, ${fmt(sizes.big)} claims, ${workers} workers, engine in process: peak RSS ${fmt(big.peakRssMb)} MB, ${fmt(big.claimsPerSecond)} claims/s, ${fmt(big.seconds, 1)} s (one run)`);
    report.big = big;
  }

  // 4. The default sensitivity analysis, whole process.
  if (skipSensitivity) {
    report.sensitivity = null;
  } else {
    const s = await cli(['sensitivity', BASELINE, ...sizes.sensitivityArgs, '--out', join(scratch, 'sensitivity')]);
    rmSync(join(scratch, 'sensitivity'), { recursive: true, force: true });
    const shape = /(\d+) parameters, (\d+) replications each/.exec(s.stdout);
    const parameters = shape ? Number(shape[1]) : undefined;
    const replications = shape ? Number(shape[2]) : undefined;
    say(
      `sensitivity${quick ? ` (${sizes.sensitivityArgs.join(' ')})` : ' (defaults)'}, whole process (claimsim sensitivity): ${fmt(s.wallSeconds, 1)} s wall from spawn to exit, peak RSS ${fmt(s.peakRssMb)} MB${shape ? ` (${parameters} parameters, ${replications} replications each)` : ''} (one run)`,
    );
    report.sensitivity = { args: sizes.sensitivityArgs, wallSeconds: s.wallSeconds, peakRssMb: s.peakRssMb, parameters, replications };
  }

  // 5. The command line's start, whole process, as a user meets it: most of it is loading modules.
  const refused = join(scratch, 'negative-teams.yaml');
  writeFileSync(refused, 'name: bad\ndescription: refused\nextends: baseline\nparameters:\n  world:\n    teams: -3\n');
  const starts: Record<string, unknown> = {};
  for (const [key, label, cliArgs, status] of [
    ['validate', 'validate baseline', ['validate', BASELINE], 0],
    ['refused', 'run of a refused scenario', ['run', refused, '--out', join(scratch, 'refused')], 2],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < sizes.starts; i++) times.push((await cli(cliArgs, status)).wallSeconds);
    say(`command line, ${label}: median ${fmt(median(times), 2)} s wall (min ${fmt(Math.min(...times), 2)}, max ${fmt(Math.max(...times), 2)}, ${sizes.starts} starts)`);
    starts[key] = { wallSeconds: median(times), min: Math.min(...times), max: Math.max(...times), starts: sizes.starts };
  }
  report.commandLine = starts;

  report.loadAverageEnd = loads();
  report.finishedAt = new Date().toISOString();
  report.commands = commands;
  say(`load average at end: ${loadText(report.loadAverageEnd as number[])}`);
  if (jsonFile) {
    writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    say(`figures written to ${jsonFile}`);
  }
}

try {
  await main();
} catch (e) {
  if (e instanceof Interrupted) {
    process.stderr.write(`bench: interrupted (${interrupted}); nothing left behind\n`);
    process.exitCode = 130;
  } else {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
