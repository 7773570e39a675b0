/**
 * `claimsim calibrate BASE --target METRIC=VALUE --free PATH`: fit unknown
 * parameters to targets and, if every target is met within its tolerance,
 * write the result as an overlay scenario. Exit 0 when met, 1 when the search
 * ran but missed a target (the results and report are still written, for the
 * search trace; no overlay is), 2 for bad input.
 */
import { basename, dirname, join, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { TargetOutcome } from '../../analysis/calibrate.js';
import { acceptedRange, checkTolerance, DEFAULT_TARGET_TOLERANCE, parseTarget, targetScale, wantedText } from '../../analysis/targets.js';
import { defaultOverlayPath, overlayPlacementProblem } from '../../analysis/calibrationOverlay.js';
import { calibrationCsv } from '../../export/analysisTables.js';
import { loadScenario } from '../../params/load.js';
import { calibrate } from '../../library/analyses.js';
import { writeFileAtomic } from '../../io/writeFiles.js';
import { claimOutputs, writeOutputs } from '../../results/write.js';
import { reportFiles } from '../../report/write.js';
import { analysisInputs, safeName, withCommonOptions, type CommonArgs } from '../common.js';
import { wholeNumber } from '../../inputError.js';
import { UsageError } from '../errors.js';
import { claimsPerUnit, progressReporter } from '../progress.js';
import { textTable } from '../../format/textTable.js';

interface CalibrateArgs extends CommonArgs {
  scenario: string;
  target: string[];
  free: string[];
  tolerance: number;
  overlay?: string;
  maxEvaluations?: number;
}

/** The exit code of a calibration that ran but did not bring every target within its tolerance. */
export const TARGETS_MISSED_EXIT = 1;

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate <scenario>',
  describe: 'Search free parameters until simulated metrics meet their targets; write the result as an overlay scenario',
  builder: (yargs: Argv) =>
    withCommonOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Base scenario' }), { replications: 4 })
      .option('target', { type: 'string', array: true, demandOption: true, describe: 'METRIC=VALUE (within --tolerance), METRIC=VALUE±TOL or VALUE+-TOL (absolute), or METRIC=LOW..HIGH (repeatable)' })
      .option('tolerance', { type: 'number', default: DEFAULT_TARGET_TOLERANCE, describe: 'Tolerance of METRIC=VALUE targets, as a share of the value' })
      .option('free', { type: 'string', array: true, demandOption: true, describe: 'Parameter path to search over its declared range (repeatable)' })
      .option('max-evaluations', { type: 'number', describe: 'Cap on simulations [default: 40 for one free parameter, 60 per parameter for several]' })
      .option('overlay', {
        type: 'string',
        describe: 'Where to write the calibrated scenario, if every target is met [default: <out dir>/<base>-calibrated.yaml]; never inside the bundled scenarios folder',
      })
      .example('$0 calibrate scenarios/baseline.yaml --target claims.fraudulentShare=0.05..0.10 --free fraud.share --claims 5000', 'one parameter to an interval')
      .example(
        '$0 calibrate scenarios/baseline.yaml --target claims.underThresholdShare=0.8 --tolerance 0.01 --target customers.validPaidShare=0.9+-0.02 --free sellers.compliantShare --free marketplace.believesRejectedValid.genuine',
        'two at once',
      )
      .epilogue(
        'Exit status: 0 when every target is within its tolerance (the overlay is written); 1 when the search ran but a target is outside its tolerance ' +
          '(results.json, with every evaluation of the search, and report.html are written to --out, the overlay is not); 2 for bad input.',
      ) as unknown as Argv<CalibrateArgs>,
  handler: async (args: ArgumentsCamelCase<CalibrateArgs>) => {
    // Every option is checked before anything is simulated.
    const tolerance = checkTolerance(args.tolerance);
    const targets = args.target.map((t) => parseTarget(t, tolerance));
    const maxEvaluations = args.maxEvaluations === undefined ? undefined : wholeNumber(args.maxEvaluations, '--max-evaluations', 2, 10_000);
    const { options, set } = analysisInputs(args);
    const base = loadScenario(args.scenario, { set });
    const outDir = args.out ?? join('reports', `calibrate-${safeName(base.name)}`);
    const overlayFile = args.overlay ?? defaultOverlayPath(outDir, args.scenario);
    const placement = overlayPlacementProblem(args.scenario, overlayFile, args.overlay === undefined ? 'the default overlay path (set by --out)' : '--overlay');
    if (placement) throw new UsageError(placement);
    claimOutputs(outDir);
    const onUnitDone = progressReporter(`calibrate ${base.name}: team-replications, at most`, claimsPerUnit(base));
    const { results, overlay: overlayText } = await calibrate(base, targets, args.free, { ...options, overlayFile, onUnitDone, ...(maxEvaluations === undefined ? {} : { maxEvaluations }) });
    const calibration = results.calibration;
    // The overlay goes with the other outputs when it sits among them; a failed calibration drops an earlier one there.
    const overlayAmongOutputs = resolve(dirname(overlayFile)) === resolve(outDir);
    const files: Record<string, string> = { 'results.json': `${JSON.stringify(results, null, 2)}\n`, 'calibration.csv': calibrationCsv(results) };
    if (overlayText !== undefined && overlayAmongOutputs) files[basename(overlayFile)] = overlayText;
    // One commit; an overlay of an earlier calibration is not part of this output, so it is gone with it.
    const report = join(outDir, 'report.html');
    writeOutputs(outDir, { ...files, ...(await reportFiles(results, args.charts ? { charts: args.charts } : {})) });
    if (overlayText !== undefined && !overlayAmongOutputs) writeFileAtomic(overlayFile, overlayText);

    process.stdout.write(
      `${textTable(
        ['parameter', 'calibrated', 'searched over'],
        calibration.free.map((f) => [f.path, String(calibration.values[f.path]), `${f.low} .. ${f.high}`]),
      )}\n\n`,
    );
    process.stdout.write(
      `${textTable(
        ['target', 'wanted', 'simulated', 'miss', 'within tolerance'],
        calibration.achieved.map((a) => [a.metric, wantedText(a.wanted), String(Number(a.simulated.toPrecision(5))), missText(a), a.within ? 'yes' : 'NO']),
      )}\n\n`,
    );
    if (calibration.reached) {
      process.stdout.write(
        `Every target is within its tolerance after ${calibration.evaluations} evaluations.\noverlay: ${overlayFile}\nresults: ${join(outDir, 'results.json')}\nreport: ${report}\n`,
      );
      return;
    }
    const missed = calibration.achieved.filter((a) => !a.within);
    process.stdout.write(
      `NOT CALIBRATED: ${missed.length} of ${calibration.achieved.length} target${calibration.achieved.length === 1 ? '' : 's'} outside ${missed.length === 1 ? 'its' : 'their'} tolerance after ${calibration.evaluations} evaluations:\n`,
    );
    for (const a of missed) process.stdout.write(`  ${missSentence(a)}\n`);
    process.stdout.write(
      `No overlay was written${!overlayAmongOutputs && args.overlay !== undefined ? ` (${overlayFile} was not touched)` : ''}. ` +
        `results.json (with every evaluation of the search) and report.html are in ${outDir}, to see how close the search came.\n` +
        `results: ${join(outDir, 'results.json')}\nreport: ${report}\n`,
    );
    process.exitCode = TARGETS_MISSED_EXIT;
  },
};

/** The miss column: a signed percentage of the target, or "-" within tolerance. */
function missText(a: TargetOutcome): string {
  return a.within ? '-' : `${a.miss > 0 ? '+' : ''}${(a.miss * 100).toFixed(2)}%`;
}

/**
 * A missed target in words.
 * @example "claims.underThresholdShare is 0.7412, 0.0428 below the lowest value its target 0.8 ± 0.016 accepts (5.35% of 0.8)"
 */
function missSentence(a: TargetOutcome): string {
  const [low, high] = acceptedRange(a.wanted);
  const n = (x: number) => String(Number(x.toPrecision(4)));
  const by = Math.abs(a.simulated - (a.miss > 0 ? high : low));
  const side = a.miss > 0 ? `above the highest value its target ${wantedText(a.wanted)} accepts` : `below the lowest value its target ${wantedText(a.wanted)} accepts`;
  return `${a.metric} is ${n(a.simulated)}, ${n(by)} ${side} (${(Math.abs(a.miss) * 100).toFixed(2)}% of ${n(targetScale(a.wanted))})`;
}
