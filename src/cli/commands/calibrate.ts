/** `claimsim calibrate BASE --target METRIC=VALUE --free PATH`: fit unknown parameters to targets and write an overlay. */
import { basename, dirname, join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { stringify } from 'yaml';
import { calibrate, parseTarget, type Target } from '../../analysis/calibrate.js';
import { METRICS } from '../../collect/metrics.js';
import { calibrationCsv } from '../../export/analysisTables.js';
import { loadScenario } from '../../params/load.js';
import { setIn } from '../../params/overlay.js';
import { buildCalibrationResults } from '../../results/analyses.js';
import { writeFileAtomic, writeOutputs } from '../../results/write.js';
import { writeReport } from '../../report/write.js';
import { analysisOptions, invocationOf, note, safeName, withCommonOptions, type CommonArgs } from '../common.js';
import { UsageError } from '../errors.js';
import { table } from './compare.js';

interface CalibrateArgs extends CommonArgs {
  scenario: string;
  target: string[];
  free: string[];
  overlay?: string;
}

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate <scenario>',
  describe: 'Search free parameters until simulated metrics match targets; write the result as an overlay scenario',
  builder: (yargs: Argv) =>
    withCommonOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Base scenario' }), { replications: 4 })
      .option('target', { type: 'string', array: true, demandOption: true, describe: 'METRIC=VALUE to match (repeatable)' })
      .option('free', { type: 'string', array: true, demandOption: true, describe: 'Parameter path to search over its declared range (repeatable)' })
      .option('overlay', { type: 'string', describe: 'Where to write the calibrated scenario [default: <base>-calibrated.yaml beside the base]' })
      .example('$0 calibrate scenarios/baseline.yaml --target claims.fraudulentShare=0.15 --free fraud.share --claims 5000', 'one parameter to one target')
      .example('$0 calibrate scenarios/baseline.yaml --target claims.underThresholdShare=0.8 --target customers.validPaidShare=0.9 --free sellers.compliantShare --free marketplace.believesRejectedValid.genuine', 'two at once') as unknown as Argv<CalibrateArgs>,
  handler: async (args: ArgumentsCamelCase<CalibrateArgs>) => {
    const started = new Date();
    const t0 = performance.now();
    const targets = args.target.map((t) => {
      const parsed = parseTarget(t);
      if (typeof parsed === 'string') throw new UsageError(parsed);
      if (!(parsed.metric in METRICS)) throw new UsageError(`--target: unknown metric "${parsed.metric}"`);
      return parsed;
    }) as Target[];
    const options = analysisOptions(args);
    const base = loadScenario(args.scenario, { set: options.set ?? [] });
    let calibration;
    try {
      calibration = await calibrate(args.scenario, targets, args.free, { ...options, onEvaluation: (n, value) => note(`calibrate: evaluation ${n}, objective ${value.toExponential(3)}`) });
    } catch (e) {
      if (e instanceof RangeError) throw new UsageError(e.message);
      throw e;
    }
    const overlayFile = args.overlay ?? join(dirname(args.scenario), `${basename(args.scenario).replace(/\.ya?ml$/, '')}-calibrated.yaml`);
    const fit = calibration.achieved.map((a) => `${a.metric} ${a.simulated.toPrecision(4)} for ${a.target}`).join('; ');
    let parameters: Record<string, unknown> = {};
    for (const [path, value] of Object.entries(calibration.values)) {
      parameters = setIn(parameters, path.split('.'), { value: Number(value.toPrecision(6)), source: `calibrated by claimsim ${started.toISOString().slice(0, 10)}, seed ${options.seed}, ${options.replications} replications: ${fit}` }) as Record<string, unknown>;
    }
    const overlay = {
      name: `${base.name}-calibrated`,
      description: `${base.name} with ${Object.keys(calibration.values).join(', ')} calibrated to ${targets.map((t) => `${t.metric}=${t.value}`).join(', ')}`,
      extends: basename(args.scenario).replace(/\.ya?ml$/, ''),
      parameters,
    };
    writeFileAtomic(overlayFile, `# Written by claimsim calibrate; objective ${calibration.objective.toExponential(3)} after ${calibration.evaluations} evaluations.\n${stringify(overlay)}`);
    const results = buildCalibrationResults(base, options.replications, calibration, overlayFile, options.seed, invocationOf(started, t0, options.workers));
    const outDir = args.out ?? join('reports', `calibrate-${safeName(base.name)}`);
    writeOutputs(outDir, { 'results.json': `${JSON.stringify(results, null, 2)}\n`, 'calibration.csv': calibrationCsv(results) });
    const report = await writeReport(outDir, results, args.charts ? { charts: args.charts } : {});
    process.stdout.write(`${table(['parameter', 'calibrated', 'searched over'], calibration.free.map((f) => [f.path, String(Number(calibration.values[f.path]!.toPrecision(6))), `${f.low} .. ${f.high}`]))}\n\n`);
    process.stdout.write(`${table(['target', 'wanted', 'simulated', 'miss'], calibration.achieved.map((a) => [a.metric, String(a.target), a.simulated.toPrecision(5), `${(a.relativeMiss * 100).toFixed(2)}%`]))}\n\n`);
    process.stdout.write(`overlay: ${overlayFile}\nresults: ${join(outDir, 'results.json')}\nreport: ${report}\n`);
  },
};
