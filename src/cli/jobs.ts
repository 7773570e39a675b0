/**
 * Job files for a sharded run on a batch scheduler: a Slurm array (with a merge
 * job that runs once every task has left the queue, and a driver that submits
 * both), or a Kubernetes Indexed Job (with a merge Job to apply after it).
 * Pure functions from a checked spec to file text; `claimsim jobs` writes them.
 */
import { writeNewFiles, type NewFile } from '../io/writeFiles.js';

export const SCHEDULERS = ['slurm', 'kubernetes'] as const;
export type Scheduler = (typeof SCHEDULERS)[number];

/** A sharded run, as `claimsim run` would be given it, plus what the scheduler needs. */
export interface JobSpec {
  /** The scenario's name, for file and job names. */
  name: string;
  /** The scenario file, as the user typed it (read on the cluster, from where the job runs). */
  scenario: string;
  claims?: number;
  replications: number;
  seed: number;
  set: readonly string[];
  executor: string;
  shards: number;
  /** Where the shards' partials and the merged results go (on the cluster). */
  out: string;
  /** Kubernetes only: the container image and the results volume's claim. */
  image?: string;
  pvc?: string;
}

export type JobFile = NewFile;

const SAFE_WORD = /^[A-Za-z0-9_./:=+@%,-]+$/;

/** `text` as one shell word, for sh and bash: bare when it holds no special character, else single-quoted. */
export function shellQuote(text: string): string {
  if (SAFE_WORD.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A scenario name as a file name part: letters, digits, - and _ only. */
function fileName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario';
}

/** A Kubernetes object name (DNS-1123 label), short enough for "-merge" and the pods' suffixes. */
export function kubernetesName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `claimsim-${cleaned || 'scenario'}`.slice(0, 46).replace(/-+$/, '');
}

function jobFileNames(scheduler: Scheduler, name: string): string[] {
  const base = `claimsim-${fileName(name)}`;
  return scheduler === 'slurm' ? [`${base}.sbatch`, `${base}-merge.sbatch`, `${base}-submit.sh`] : [`${base}.job.yaml`, `${base}-merge.job.yaml`];
}

export function jobFiles(scheduler: Scheduler, spec: JobSpec): JobFile[] {
  return scheduler === 'slurm' ? slurmFiles(spec) : kubernetesFiles(spec);
}

/**
 * The Slurm files. The run's values are written once, at the top of the submit
 * script, which passes them to the array script as arguments; the merge job
 * depends on the array with `afterany` (it runs however the tasks ended) and
 * `claimsim merge` refuses, naming them, when shards are missing.
 */
function slurmFiles(spec: JobSpec): JobFile[] {
  const [task, merge, submit] = jobFileNames('slurm', spec.name) as [string, string, string];
  const base = task.replace(/\.sbatch$/, '');
  const q = shellQuote;
  const taskText = `#!/bin/bash
#SBATCH --job-name=${base}
# One shard of a claimsim run, as a task of a Slurm array. Submitted by
# ${submit}, which holds the run's values (SHARDS OUT SCENARIO [run options])
# and writes each task's log beside this script, as ${base}-ARRAYID_TASK.out.
set -euo pipefail
shards=$1
out=$2
shift 2
exec npx claimsim run "$@" --shard "$SLURM_ARRAY_TASK_ID/$shards" --out "$out"
`;
  const mergeText = `#!/bin/bash
#SBATCH --job-name=${base}-merge
# Merges the shards in OUT into OUT/results.json once every array task has left
# the queue; claimsim merge refuses, naming them, when shards are missing, and
# then says how to resubmit them with SUBMIT (the submit script): arguments OUT SUBMIT.
set -euo pipefail
status=0
npx claimsim merge "$1" || status=$?
if ((status != 0)); then
  printf 'on Slurm, rather than on this node: bash %q SHARDS (the missing shards, comma-separated), which merges again\n' "$2" >&2
fi
exit "$status"
`;
  const lines = [
    `SCENARIO=${q(spec.scenario)}`,
    ...(spec.claims === undefined ? [] : [`CLAIMS=${spec.claims}`]),
    `REPLICATIONS=${spec.replications}`,
    `SEED=${spec.seed}`,
    ...(spec.set.length === 0 ? [] : [`SETS=(${spec.set.map(q).join(' ')})`]),
    `EXECUTOR=${q(spec.executor)}`,
    `SHARDS=${spec.shards}`,
    `OUT=${q(spec.out)}`,
  ];
  const runOptions = ['"$SCENARIO"', ...(spec.claims === undefined ? [] : ['--claims "$CLAIMS"']), '--replications "$REPLICATIONS"', '--seed "$SEED"', '--executor "$EXECUTOR"'].join(' ');
  const submitText = `#!/bin/bash
# Submits a sharded claimsim run to Slurm as an array, one shard per task, then
# its merge, which waits for every task to leave the queue (afterany) and names
# any missing shard. The run's values are set once, below; the jobs' logs are
# written beside this script. Run this from the folder a relative SCENARIO or
# OUT is relative to (the jobs run there):
#   bash ${submit}         every shard
#   bash ${submit} 2,4     only shards 2 and 4 (after they failed), then the merge
set -euo pipefail
${lines.join('\n')}

tasks=\${1:-1-$SHARDS}
here=$(cd "$(dirname "$0")" && pwd)
run=(${runOptions})
${spec.set.length === 0 ? '' : `for s in "\${SETS[@]}"; do run+=(--set "$s"); done\n`}mkdir -p "$OUT"
array=$(sbatch --parsable --array="$tasks" --output="$here/${base}-%A_%a.out" "$here/${task}" "$SHARDS" "$OUT" "\${run[@]}")
array=\${array%%;*}
merge=$(sbatch --parsable --dependency=afterany:"$array" --output="$here/${base}-merge-%j.out" "$here/${merge}" "$OUT" "$here/${submit}")
merge=\${merge%%;*}
echo "array job: $array (shards $tasks of $SHARDS; logs $here/${base}-\${array}_TASK.out)"
echo "merge job: $merge (runs after every shard; writes $OUT/results.json; log $here/${base}-merge-\${merge}.out)"
`;
  return [
    { name: task, text: taskText, executable: true },
    { name: merge, text: mergeText, executable: true },
    { name: submit, text: submitText, executable: true },
  ];
}

/** A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's). */
const y = (text: string) => JSON.stringify(text);

/**
 * The Kubernetes files: an Indexed Job, one shard per index, the run's values
 * in its container's environment (the shard count also in completions and, by
 * an alias, parallelism); and a merge Job to apply once it has finished.
 */
function kubernetesFiles(spec: JobSpec): JobFile[] {
  const [runFile, mergeFile] = jobFileNames('kubernetes', spec.name) as [string, string];
  const name = kubernetesName(spec.name);
  const image = spec.image ?? 'claimsim';
  const pvc = spec.pvc ?? 'claimsim-results';
  const env: [string, string][] = [
    ['CLAIMSIM_SCENARIO', spec.scenario],
    ...(spec.claims === undefined ? [] : [['CLAIMSIM_CLAIMS', String(spec.claims)] as [string, string]]),
    ['CLAIMSIM_REPLICATIONS', String(spec.replications)],
    ['CLAIMSIM_SEED', String(spec.seed)],
    ...spec.set.map((s, i) => [`CLAIMSIM_SET_${i + 1}`, s] as [string, string]),
    ['CLAIMSIM_EXECUTOR', spec.executor],
    ['CLAIMSIM_SHARDS', String(spec.shards)],
    ['CLAIMSIM_OUT', spec.out],
  ];
  const command = [
    'exec npx claimsim run "$CLAIMSIM_SCENARIO"',
    ...(spec.claims === undefined ? [] : ['--claims "$CLAIMSIM_CLAIMS"']),
    '--replications "$CLAIMSIM_REPLICATIONS" --seed "$CLAIMSIM_SEED"',
    ...spec.set.map((_, i) => `--set "$CLAIMSIM_SET_${i + 1}"`),
    '--executor "$CLAIMSIM_EXECUTOR"',
    '--shard "$((JOB_COMPLETION_INDEX + 1))/$CLAIMSIM_SHARDS" --out "$CLAIMSIM_OUT"',
  ].join(' ');
  const envText = (vars: [string, string][]) => vars.map(([k, v]) => `            - { name: ${k}, value: ${y(v)} }`).join('\n');
  const pod = (container: string, vars: [string, string][], shellCommand: string) => `      restartPolicy: Never
      containers:
        - name: ${container}
          image: ${y(image)}
          env:
${envText(vars)}
          command: ["sh", "-c"]
          args: [${y(shellCommand)}]
          volumeMounts: [{ name: results, mountPath: ${y(spec.out)} }]
      volumes:
        - name: results
          persistentVolumeClaim: { claimName: ${y(pvc)} }
`;
  const runText = `# A sharded claimsim run, one shard per index of an Indexed Job (JOB_COMPLETION_INDEX
# counts from 0); the run's values are the container's environment. Apply it, wait
# until it has finished, then apply ${mergeFile}.
apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  completions: &shards ${spec.shards}
  parallelism: *shards
  completionMode: Indexed
  backoffLimitPerIndex: 1
  template:
    spec:
${pod('claimsim', env, command)}`;
  const mergeText = `# Merges the shards of the Job ${name} into results.json beside them; apply it once
# that Job has finished. claimsim merge refuses, naming them, when shards are missing.
apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}-merge
spec:
  backoffLimit: 0
  template:
    spec:
${pod('merge', [['CLAIMSIM_OUT', spec.out]], 'exec npx claimsim merge "$CLAIMSIM_OUT"')}`;
  return [
    { name: runFile, text: runText, executable: false },
    { name: mergeFile, text: mergeText, executable: false },
  ];
}

/** Writes the job files into `dir`, never over an existing file (see `writeNewFiles`). Returns the paths written. */
export function writeJobFiles(dir: string, files: readonly JobFile[]): string[] {
  return writeNewFiles(dir, files, 'claimsim jobs does not overwrite files (remove it, or choose another --job-dir)');
}
