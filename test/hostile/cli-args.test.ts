/**
 * Bad command lines, one spawn each, in an empty working directory with --out
 * (or the command's own output options) pointing inside it: each must exit 2
 * within the time limit, name the flag or file and what is wrong with it,
 * print no stack trace, and write nothing, not even beside its inputs.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE, expectRefused, fixture, ROOT, listings, removeTempDirs, requireBuiltCli, sandbox, tempDir, spawnCli, timingSummary, type Sandbox } from './harness.js';

/** Inputs live apart from the sandbox, and their directory is checked for stray writes too. */
const inputs = tempDir('claimsim-hostile-args-');
/** A copy of the baseline, so that anything written "beside the base" would land where the test looks. */
const B = join(inputs, 'base.yaml');
const emptyDir = join(inputs, 'empty-dir');
const binary = join(inputs, 'binary.bin');

beforeAll(() => {
  requireBuiltCli();
  copyFileSync(BASELINE, B);
  mkdirSync(emptyDir);
  // A PNG signature, then 4 KB from a fixed-seed generator: no header row, stray quotes, NULs and invalid UTF-8.
  let x = 0x2545f491;
  const noise = Buffer.alloc(4096, 0).map(() => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
  writeFileSync(binary, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise]));
});
afterAll(() => {
  console.info(timingSummary('cli-args'));
  removeTempDirs();
});

interface ArgCase {
  readonly name: string;
  readonly args: (box: Sandbox) => string[];
  readonly stderr: RegExp;
}

const out = (box: Sandbox) => ['--out', box.out];
/** Every output `fit` can write, inside the sandbox's --out path. */
const fitOut = (box: Sandbox) => ['--out', join(box.out, 'overlay.yaml'), '--report-dir', join(box.out, 'report')];

const ARG_CASES: readonly ArgCase[] = [
  // Unknown flags.
  { name: 'run: an unknown flag', args: (b) => ['run', B, '--bogus-flag', '7', ...out(b)], stderr: /Unknown arguments?: bogus-flag/ },

  // Numbers that are not whole, negative, or too large.
  { name: 'run: --seed -1', args: (b) => ['run', B, '--seed', '-1', ...out(b)], stderr: /--seed must be a whole number from 0 to 4294967295, got -1\b/ },
  { name: 'run: --seed 1.5', args: (b) => ['run', B, '--seed', '1.5', ...out(b)], stderr: /--seed must be a whole number from 0 to 4294967295, got 1\.5/ },
  { name: 'run: --seed 99999999999', args: (b) => ['run', B, '--seed', '99999999999', ...out(b)], stderr: /--seed must be a whole number from 0 to 4294967295, got 99999999999/ },
  { name: 'run: --replications 0', args: (b) => ['run', B, '--replications', '0', ...out(b)], stderr: /--replications must be a whole number from 1 to \d+, got 0\b/ },
  { name: 'run: --replications -3', args: (b) => ['run', B, '--replications', '-3', ...out(b)], stderr: /--replications must be a whole number from 1 to \d+, got -3\b/ },
  { name: 'run: --replications abc', args: (b) => ['run', B, '--replications', 'abc', ...out(b)], stderr: /--replications must be a whole number .*got (NaN|"?abc"?)/ },
  { name: 'run: --claims 0', args: (b) => ['run', B, '--claims', '0', ...out(b)], stderr: /--claims must be a whole number from 1 to 1000000000, got 0\b/ },
  { name: 'run: --claims 1e12', args: (b) => ['run', B, '--claims', '1e12', ...out(b)], stderr: /--claims must be a whole number from 1 to 1000000000, got (1e\+?12|1000000000000)\b/ },
  { name: 'run: --workers 0', args: (b) => ['run', B, '--workers', '0', ...out(b)], stderr: /--workers must be a whole number from 1 to 256, got 0\b/ },
  { name: 'run: --workers 1000', args: (b) => ['run', B, '--workers', '1000', ...out(b)], stderr: /--workers must be a whole number from 1 to 256, got 1000\b/ },
  { name: 'run: --replications 1e15', args: (b) => ['run', B, '-r', '1e15', ...out(b)], stderr: /--replications must be a whole number from 1 to 100000, got (1e\+?15|1000000000000000)\b/ },
  { name: 'run: --event-log 0 (refused before simulating)', args: (b) => ['run', B, '--event-log', '0', ...out(b)], stderr: /--event-log must be a whole number from 1 to 100000, got 0\b/ },
  {
    name: 'sweep: --replications 1e15',
    args: (b) => ['sweep', B, '--param', 'policy.threshold=500,1000', '-r', '1e15', ...out(b)],
    stderr: /--replications must be a whole number from 2 to 100000, got (1e\+?15|1000000000000000)\b/,
  },

  // --shard.
  { name: 'run: --shard 0/3', args: (b) => ['run', B, '--shard', '0/3', ...out(b)], stderr: /--shard: I must be from 1 to 3, got 0\b/ },
  { name: 'run: --shard 5/3', args: (b) => ['run', B, '--shard', '5/3', ...out(b)], stderr: /--shard: I must be from 1 to 3, got 5\b/ },
  { name: 'run: --shard x', args: (b) => ['run', B, '--shard', 'x', ...out(b)], stderr: /--shard must look like I\/N \(for example 1\/4\), got "x"/ },

  // --set and --precision.
  { name: 'run: --set without =', args: (b) => ['run', B, '--set', 'policy.threshold', ...out(b)], stderr: /--set: "policy\.threshold" is not of the form path=value/ },
  { name: 'run: --set unknown.path=1', args: (b) => ['run', B, '--set', 'unknown.path=1', ...out(b)], stderr: /--set: unknown\.path: unknown parameter/ },
  { name: 'run: --set policy=1 (a group)', args: (b) => ['run', B, '--set', 'policy=1', ...out(b)], stderr: /--set: policy: is a group of parameters \(threshold, maxClaim/ },
  { name: 'run: --precision 2', args: (b) => ['run', B, '--precision', '2', ...out(b)], stderr: /--precision must be a share between 0 and 1 \(e\.g\. 0\.02\), got 2\b/ },

  // sweep grids.
  { name: 'sweep: FROM > TO', args: (b) => ['sweep', B, '--param', 'policy.threshold=2500..500:500', ...out(b)], stderr: /--param policy\.threshold: TO \(500\) is below FROM \(2500\)/ },
  {
    name: 'sweep: STEP 0',
    args: (b) => ['sweep', B, '--param', 'policy.threshold=500..2500:0', ...out(b)],
    stderr: /--param policy\.threshold: FROM, TO and STEP must be numbers with STEP > 0, got "500\.\.2500:0"/,
  },
  { name: 'sweep: 2000 points', args: (b) => ['sweep', B, '--param', 'policy.threshold=1..2000:1', ...out(b)], stderr: /--param policy\.threshold: 2000 points; at most 1000/ },
  { name: 'sweep: an unknown metric', args: (b) => ['sweep', B, '--param', 'policy.threshold=1,2', '--metric', 'nope.metric', ...out(b)], stderr: /unknown metric: nope\.metric/ },
  {
    name: 'sweep: a bad later grid value (refused before the first point is simulated)',
    args: (b) => ['sweep', B, '--param', 'policy.threshold=10,-5', ...out(b)],
    stderr: /error: --param: policy\.threshold: must not be negative \(got -5\)/,
  },
  { name: 'sweep: an empty item in a list', args: (b) => ['sweep', B, '--param', 'policy.threshold=1,,2', ...out(b)], stderr: /--param policy\.threshold: "1,,2" has an empty item/ },
  {
    name: 'sweep: --set into a list at a non-numeric index',
    args: (b) => ['sweep', B, '--param', 'policy.threshold=500,1000', '--set', 'claimAmount.mixture.x=1', ...out(b)],
    stderr: /--set: claimAmount\.mixture\.x: claimAmount\.mixture is a list of 2: "x" is not one of its indexes/,
  },

  // calibrate, sensitivity, compare.
  {
    name: 'calibrate: --target without =',
    args: (b) => ['calibrate', B, '--target', 'claims.fraudulentShare', '--free', 'fraud.share', '--overlay', join(b.out, 'o.yaml'), ...out(b)],
    stderr: /--target must look like METRIC=VALUE, METRIC=VALUE±TOL \(or \+-TOL\) or METRIC=LOW\.\.HIGH, got "claims\.fraudulentShare"/,
  },
  {
    name: 'calibrate: --target with LOW above HIGH',
    args: (b) => ['calibrate', B, '--target', 'claims.fraudulentShare=0.2..0.1', '--free', 'fraud.share', ...out(b)],
    stderr: /--target claims\.fraudulentShare: LOW \(0\.2\) is above HIGH \(0\.1\)/,
  },
  {
    name: 'calibrate: an overlay that would not find its base (refused before simulating)',
    args: (b) => ['calibrate', B, '--target', 'claims.fraudulentShare=0.1', '--free', 'fraud.share', ...out(b)],
    stderr: /the default overlay path \(set by --out\) .*base-calibrated\.yaml: the overlay would say "extends: base", which from there finds no scenario/,
  },
  { name: 'sensitivity: an unknown metric', args: (b) => ['sensitivity', B, '--metric', 'nope.metric', ...out(b)], stderr: /unknown metric: nope\.metric/ },
  { name: 'compare: only one scenario', args: (b) => ['compare', B, ...out(b)], stderr: /^error: compare needs a base scenario and at least one other \(got only .*base\.yaml\)$/m },
  {
    name: 'compare: a bad second scenario (refused before the first is simulated)',
    args: (b) => ['compare', B, fixture('negative-teams.yaml'), ...out(b)],
    stderr: /negative-teams\.yaml:6: world\.teams: must (not be negative|be at least 1) \(got -3\)/,
  },

  // report and merge on things that are not results.
  {
    name: 'report: a JSON file that is not results',
    args: (b) => ['report', fixture('results-wrong-kind.json'), ...out(b)],
    stderr: /results-wrong-kind\.json: not the results of a claimsim analysis \(its "kind" must be one of run, compare/,
  },
  { name: 'merge: an empty directory', args: (b) => ['merge', emptyDir, ...out(b)], stderr: /no partial-\*\.json files in .*empty-dir/ },
  { name: 'merge: a JSON file that is not a partial result', args: (b) => ['merge', fixture('results-wrong-kind.json'), ...out(b)], stderr: /results-wrong-kind\.json: not a partial result/ },

  // fit on CSVs that are not claims data.
  {
    name: 'fit: a CSV with broken rows',
    args: (b) => ['fit', fixture('claims-broken-rows.csv'), ...fitOut(b)],
    stderr: /claims-broken-rows\.csv: 8 bad rows in column "amount": line 3 has "1,234\.00", not a number; line 4 has "\$99", not a number;.* line 9 has 4 fields, the header has 3/,
  },
  { name: 'fit: an empty CSV', args: (b) => ['fit', fixture('claims-empty.csv'), ...fitOut(b)], stderr: /claims-empty\.csv: is empty/ },
  { name: 'fit: a CSV with only a header', args: (b) => ['fit', fixture('claims-header-only.csv'), ...fitOut(b)], stderr: /claims-header-only\.csv: has a header but no rows/ },
  { name: 'fit: a binary file', args: (b) => ['fit', binary, ...fitOut(b)], stderr: /^error: [^\n]*binary\.bin:1: is not UTF-8 text \(export the claims as a UTF-8 CSV file\)$/m },
  {
    name: 'fit: --base as a path',
    args: (b) => ['fit', fixture('claims-broken-rows.csv'), '--base', '../../etc/passwd', ...fitOut(b)],
    stderr: /--base must name a scenario \(letters, digits, - _ \.\), not a path: got "\.\.\/\.\.\/etc\/passwd"/,
  },
];

describe('bad command lines are refused cleanly', () => {
  for (const c of ARG_CASES) {
    it(c.name, () => {
      const box = sandbox();
      const before = listings([inputs, emptyDir]);
      const r = spawnCli(c.args(box), box.cwd);
      expectRefused(r, box, { stderr: c.stderr }, before);
    });
  }
});

describe('the checks have teeth', () => {
  it('a command that succeeds and writes its outputs fails them', () => {
    const box = sandbox();
    const r = spawnCli(['fit', join(ROOT, 'test', 'fixtures', 'fit', 'claims.csv'), '--column', 'paid_usd', '--out', join(box.out, 'overlay.yaml'), '--report-dir', join(box.out, 'report')], box.cwd);
    expect(r.status).toBe(0);
    // A successful fit also writes its report, which can take longer than a refusal may: grant the time, so each check below is the one tried.
    const quick = { ...r, cpuMs: 0 };
    expect(() => expectRefused(quick, box, { stderr: /error/ })).toThrow(/exit code/);
    // Granting the exit code and message, the output check still catches it.
    expect(() => expectRefused(quick, box, { exit: 0, stderr: /^$/ })).toThrow(/stdout announces written output/);
    expect(() => expectRefused({ ...quick, stdout: '' }, box, { exit: 0, stderr: /^$/ })).toThrow(/--out path .* was written/);
    expect(() => expectRefused({ ...quick, stderr: 'error: x\n    at main (file.js:1:1)\n' }, sandbox(), { exit: 0, stderr: /error/ })).toThrow(/stack trace/);
    expect(() => expectRefused({ ...r, ms: 5000, cpuMs: 4000 }, sandbox(), { exit: 0, stderr: /^$/ })).toThrow(/time over the/);
  });
});
