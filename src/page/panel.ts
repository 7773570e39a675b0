/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The what-if panel of a run or compare report: the reader moves a policy
 * lever and the page reruns the report's own claims, replications and seed
 * with the engine (engine.ts) on a few Web Workers started from a blob, then
 * shows the new headline figures beside the report's and the paired
 * difference with its interval. The markup (levers with the report's values)
 * comes from report/whatIf.ts; this script only reads it, runs and writes the
 * answer. Nothing is fetched: the engine's text is in the page.
 *
 * Phase: page (bundled with esbuild into the report).
 */
import { formatChange, formatValue, noiseVerdict } from '../format/values.js';
import { applyOverlay, getIn } from '../params/overlay.js';
import { enoughForInterval, shownInterval, TOO_FEW_FOR_INTERVAL } from '../stats/interval.js';
import type { EngineReply, EngineRequest } from './engine.js';

interface Summary {
  readonly mean: number;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly n: number;
}
interface Difference extends Summary {
  readonly significant: boolean;
}
/** One run in the report: a run report's own, or one scenario of a comparison. */
interface ReportRun {
  readonly name: string;
  readonly parameters: Record<string, unknown>;
  readonly perReplication: Record<string, number[]>;
  readonly summary: Record<string, Summary>;
  readonly metrics: Record<string, { readonly unit: string; readonly description: string }>;
}
interface ReportResults {
  readonly kind: string;
  readonly seed: number;
  readonly replications: number;
  readonly claimsPerReplication?: number;
  readonly scenario?: { readonly name: string };
  readonly scenarios?: readonly (ReportRun & { readonly scenario: { readonly name: string }; readonly claimsPerReplication: number })[];
}

/** The runs a reader may vary: a run report's one, or each scenario of a comparison. */
function reportRuns(results: ReportResults & Partial<ReportRun>): (ReportRun & { readonly claims: number })[] {
  if (results.scenarios) return results.scenarios.map((s) => ({ ...s, name: s.scenario.name, claims: s.claimsPerReplication }));
  return [{ ...(results as ReportRun), name: results.scenario?.name ?? '', claims: results.claimsPerReplication ?? 0 }];
}

/** A lever's value as the engine reads it, or a complaint about what was typed. */
function leverValue(input: HTMLInputElement): { value: unknown } | { problem: string } {
  if (input.type === 'checkbox') return { value: input.checked };
  const text = input.value.trim();
  const value = Number(text);
  return text === '' || !Number.isFinite(value) ? { problem: `${input.dataset.path}: "${input.value}" is not a number` } : { value };
}

/** Workers on the engine's text, started once and replaced when a rerun is cut short. */
class EnginePool {
  private workers: Worker[] = [];
  private readonly url: string;
  constructor(
    source: string,
    private readonly size: number,
  ) {
    this.url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  }
  /** The workers, started if they are not running yet. */
  started(): Worker[] {
    while (this.workers.length < this.size) this.workers.push(new Worker(this.url));
    return this.workers;
  }
  /** Stops whatever the workers are doing; the next run starts fresh ones. */
  reset(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}

/** Sends `request` to `worker` and calls `onReply` with each reply of its job until `done` says it is finished. */
function ask(worker: Worker, request: EngineRequest, onReply: (reply: EngineReply) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      worker.removeEventListener('message', listen);
      worker.removeEventListener('error', crashed);
    };
    const crashed = (event: ErrorEvent) => {
      stop();
      reject(new Error(event.message || 'the engine stopped'));
    };
    const listen = ({ data }: MessageEvent<EngineReply>) => {
      if (data.job !== request.job) return;
      if (data.type === 'failed') {
        stop();
        reject(new Error(data.message));
      } else if (onReply(data)) {
        stop();
        resolve();
      }
    };
    worker.addEventListener('message', listen);
    worker.addEventListener('error', crashed);
    worker.postMessage(request);
  });
}

/** A difference's interval, each bound written as a change ("+$1.2k to +$3.4k", "-0.2 pts to +0.1 pts"). */
function changeInterval(d: Difference, unit: string): string {
  const shown = shownInterval(d);
  return shown.kind === 'too-few' ? TOO_FEW_FOR_INTERVAL : `${formatChange(shown.low, unit)} to ${formatChange(shown.high, unit)}`;
}

/** The panel's table: for each headline figure, the report's value, the what-if's, and their paired difference. */
function resultRows(run: ReportRun, headline: readonly string[], summary: Record<string, Summary>, differences: Record<string, Difference>): { cells: string[]; marked: boolean }[] {
  return headline.map((m) => {
    const unit = run.metrics[m]!.unit;
    const d = differences[m]!;
    return {
      cells: [run.metrics[m]!.description, formatValue(run.summary[m]!.mean, unit), formatValue(summary[m]!.mean, unit), formatChange(d.mean, unit), changeInterval(d, unit), noiseVerdict(d)],
      marked: enoughForInterval(d.n) && d.significant,
    };
  });
}

function start(section: HTMLElement): void {
  const results = JSON.parse(JSON.parse(document.getElementById('results-json')!.textContent!) as string) as ReportResults & Partial<ReportRun>;
  const runs = reportRuns(results);
  const headline = JSON.parse(section.dataset.headline!) as string[];
  const engine = document.getElementById('claimsim-engine')!.textContent!;
  const inputs = [...section.querySelectorAll<HTMLInputElement>('input[data-path]')];
  const scenarioSelect = section.querySelector<HTMLSelectElement>('select[name="scenario"]');
  const status = section.querySelector<HTMLElement>('.what-if-status')!;
  const progress = section.querySelector<HTMLProgressElement>('progress')!;
  const table = section.querySelector<HTMLTableSectionElement>('table.what-if-table tbody')!;
  const download = section.querySelector<HTMLButtonElement>('button.what-if-download')!;
  const workers = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4));
  const pool = new EnginePool(engine, workers);
  let job = 0;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: unknown;

  const runIndex = () => Number(scenarioSelect?.value ?? 0);
  const say = (state: string, text: string) => {
    section.dataset.state = state;
    status.querySelector('span')!.textContent = text;
  };
  /** The chosen scenario's own values in the levers (a comparison's scenarios differ). */
  const showValues = () => {
    const run = runs[runIndex()]!;
    for (const input of inputs) {
      const value = getIn(run.parameters, input.dataset.path!);
      if (input.type === 'checkbox') input.checked = value === true;
      else input.value = String(value);
    }
  };

  async function rerun(): Promise<void> {
    const mine = ++job;
    // A rerun cut short leaves its workers busy: start fresh ones. Idle ones are kept, warm.
    if (running) pool.reset();
    running = true;
    const run = runs[runIndex()]!;
    const levers = new Map<string, unknown>();
    for (const input of inputs) {
      const read = leverValue(input);
      if ('problem' in read) {
        running = false;
        return say('invalid', read.problem);
      }
      levers.set(input.dataset.path!, read.value);
    }
    const changed = [...levers].filter(([path, value]) => getIn(run.parameters, path) !== value);
    const began = performance.now();
    const [first, ...others] = pool.started();
    let parameters: unknown = null;
    await ask(first!, { type: 'check', job: mine, parameters: applyOverlay(run.parameters, levers) }, (reply) => {
      if (reply.type === 'checked') {
        parameters = reply.parameters;
        if (!reply.parameters) say('invalid', `The engine refuses these values: ${reply.problems.join('; ')}`);
      }
      return true;
    });
    if (!parameters) running = false;
    if (!parameters || mine !== job) return;
    const teams = (parameters as { world: { teams: number } }).world.teams;
    const keys = Array.from({ length: results.replications * teams }, (_, i) => ({ replication: Math.floor(i / teams), team: i % teams }));
    const units: unknown[] = [];
    progress.max = keys.length;
    progress.value = 0;
    say('running', `Rerunning ${run.claims.toLocaleString('en-US')} claims x ${results.replications} replications, seed ${results.seed}...`);
    const share = [first!, ...others];
    await Promise.all(
      share.map((worker, w) => {
        const mineUnits = keys.filter((_, i) => i % share.length === w);
        if (mineUnits.length === 0) return Promise.resolve();
        let done = 0;
        return ask(worker, { type: 'simulate', job: mine, parameters: parameters as never, seed: results.seed, units: mineUnits }, (reply) => {
          if (reply.type !== 'unit') return false;
          units.push(reply.unit);
          progress.value = units.length;
          return ++done === mineUnits.length;
        });
      }),
    );
    if (mine !== job) return;
    let answer: Extract<EngineReply, { type: 'summary' }> | undefined;
    await ask(first!, { type: 'summarise', job: mine, replications: results.replications, teams, units: units as never, base: run.perReplication as never }, (reply) => {
      if (reply.type === 'summary') answer = reply;
      return true;
    });
    if (mine !== job || !answer) return;
    running = false;
    const seconds = (performance.now() - began) / 1000;
    const rows = resultRows(run, headline, answer.summary.summary, answer.differences as Record<string, Difference>);
    table.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement('tr');
        row.cells.forEach((text, i) => {
          const td = document.createElement('td');
          td.textContent = text;
          if (i > 0) td.className = row.marked && i >= 3 ? 'num marked' : 'num';
          tr.append(td);
        });
        return tr;
      }),
    );
    last = {
      kind: 'what-if',
      scenario: run.name,
      seed: results.seed,
      replications: results.replications,
      claimsPerReplication: run.claims,
      changed: Object.fromEntries(changed),
      parameters,
      perReplication: answer.summary.perReplication,
      summary: answer.summary.summary,
      differences: answer.differences,
    };
    download.hidden = false;
    section.dataset.seconds = seconds.toFixed(3);
    section.dataset.reruns = String(Number(section.dataset.reruns ?? 0) + 1);
    const what = changed.length === 0 ? 'the report’s own values (the difference is zero)' : changed.map(([path, value]) => `${path} = ${value}`).join(', ');
    say('done', `Rerun with ${what}: ${keys.length} units on ${share.length} worker${share.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s.`);
  }

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => rerun().catch((error: unknown) => say('failed', `The rerun failed: ${error instanceof Error ? error.message : String(error)}`)), 250);
  };
  for (const input of inputs) input.addEventListener('change', later);
  scenarioSelect?.addEventListener('change', () => {
    showValues();
    later();
  });
  section.querySelector('button.reset-levers')?.addEventListener('click', () => {
    showValues();
    later();
  });
  download.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(last, null, 2)}\n`], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'what-if.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  });
  section.hidden = false;
  // Start the workers now, so that the first rerun does not wait for them to read the engine.
  pool.started();
  say('ready', 'Change a lever to rerun.');
}

const section = typeof document === 'undefined' ? null : document.getElementById('what-if');
if (section) start(section);
