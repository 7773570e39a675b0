/**
 * A single-node Slurm cluster in a temporary folder, for the tests that submit
 * claimsim's generated job files to a real scheduler: Debian's Slurm 22.05
 * (slurmctld, slurmd, slurm-client) and munge, started by hand as root without
 * systemd. Every daemon runs in the foreground in a process group of its own,
 * so it is stopped by its process id (the pid files are written late), and
 * clients find the cluster through SLURM_CONF.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

const PROGRAMS = ['munged', 'mungekey', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'sinfo'] as const;
export const SLURM_PACKAGES = 'slurmctld slurmd slurm-client munge';

const onPath = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } }).status === 0;

/** Why the cluster cannot be started here (not root, or Slurm or munge not installed), or null if it can. */
export function whyNoSlurm(): string | null {
  if (process.getuid?.() !== 0) return 'not running as root (slurmd and munged are started as root)';
  const missing = PROGRAMS.filter((p) => !onPath(p));
  if (missing.length === 0) return null;
  const how = onPath('apt-get') ? `apt-get install ${SLURM_PACKAGES} (.ci/run does)` : `no apt-get to install Debian's ${SLURM_PACKAGES}`;
  return `${missing.join(', ')} not installed: ${how}`;
}

export interface SlurmCluster {
  /** The temporary folder: slurm.conf, munge's key and socket, state, spool and the daemons' logs. */
  readonly dir: string;
  /** The environment a client (sbatch, squeue) needs: PATH with sbin and SLURM_CONF. */
  readonly env: Record<string, string>;
  /** Runs a client command against this cluster and returns its stdout (throws on a non-zero exit). */
  client(program: string, args: readonly string[]): string;
  /** The daemons' logs, for a failing test's message. */
  logs(): string;
  /** Stops every daemon by its process id (its process group), waits for each to exit, and removes the folder. */
  stop(): Promise<void>;
}

interface Daemon {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `ready` every 200 ms until it returns true, or fails after `ms` naming `what`. */
export async function until(what: string, ms: number, ready: () => boolean, detail: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s\n${detail()}`);
    await sleep(200);
  }
}

export async function startSlurmCluster(): Promise<SlurmCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'claimsim-slurm-'));
  const path = (...parts: string[]) => join(dir, ...parts);
  for (const d of ['munge', 'run', 'state', 'spool', 'log']) mkdirSync(path(d));
  chmodSync(path('munge'), 0o700);
  // The socket's folder must be reachable by everyone, or munged warns that clients cannot use it.
  chmodSync(path('run'), 0o755);
  const env: Record<string, string> = { PATH: `${process.env.PATH}:/usr/sbin:/sbin`, HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8', SLURM_CONF: path('slurm.conf') };
  const daemons: Daemon[] = [];

  const start = (name: string, program: string, args: string[]) => {
    const log = openSync(path('log', `${name}.out`), 'a');
    // detached: a process group of its own, so stopping it also stops anything it forked.
    const child = spawn(program, args, { env, detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    daemons.push({ name, child, exited });
    return child;
  };

  const stop = async () => {
    const conf = env.SLURM_CONF!;
    // A job's slurmstepd outlives the queue by a second or two, finishing with slurmd: let it, first.
    await until('the job steps to exit', 30_000, () => stepsOf(conf).length === 0).catch(() => undefined);
    // The newest first: slurmd before slurmctld before munged, each gone before the next is asked.
    for (const d of [...daemons].reverse()) {
      if (d.child.exitCode !== null || d.child.signalCode !== null) continue;
      signal(-d.child.pid!, 'SIGTERM');
      const stopped = await Promise.race([d.exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!stopped) {
        signal(-d.child.pid!, 'SIGKILL');
        await d.exited;
      }
    }
    // A step still there (its job hung) runs in a session of its own: stopped by its id, with what it started.
    for (const pid of stepsOf(conf)) {
      signal(-pid, 'SIGKILL');
      signal(pid, 'SIGKILL');
    }
    await until('the killed job steps to exit', 10_000, () => stepsOf(conf).length === 0);
    process.removeListener('exit', killLeft);
    rmSync(dir, { recursive: true, force: true });
  };

  // If this process ends without stop() (a killed test worker), the daemons are not left behind.
  const killLeft = () => {
    for (const d of daemons) if (d.child.exitCode === null && d.child.signalCode === null) signal(-d.child.pid!, 'SIGKILL');
  };
  process.once('exit', killLeft);

  const client = (program: string, args: readonly string[]) => execFileSync(program, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = () =>
    readdirSync(path('log'))
      .map((f) => `--- ${f}\n${readFileSync(path('log', f), 'utf8').split('\n').slice(-30).join('\n')}`)
      .join('\n');

  try {
    execFileSync('mungekey', ['--create', `--keyfile=${path('munge', 'munge.key')}`], { env, stdio: 'pipe' });
    chmodSync(path('munge', 'munge.key'), 0o600);
    const socket = path('run', 'munge.socket');
    // -F: foreground; --force: as root, and with a key and socket outside /etc and /run.
    start('munged', 'munged', [
      '-F',
      '--force',
      `--key-file=${path('munge', 'munge.key')}`,
      `--socket=${socket}`,
      `--pid-file=${path('run', 'munged.pid')}`,
      `--log-file=${path('log', 'munged.log')}`,
      `--seed-file=${path('munge', 'seed')}`,
    ]);
    await until('munged to open its socket', 20_000, () => existsSync(socket), logs);

    // The node as slurmd sees it (CPUs, memory), under the name slurmd looks itself up by.
    const node = execFileSync('slurmd', ['-C'], { env, encoding: 'utf8' })
      .split('\n')[0]!
      .replace(/^NodeName=\S+/, `NodeName=${hostname().split('.')[0]}`);
    const [ctldPort, dPort] = [await freePort(), await freePort()];
    writeFileSync(
      env.SLURM_CONF!,
      `# A single-node cluster for claimsim's tests (test/support/slurmCluster.ts).
ClusterName=claimsim-test
SlurmctldHost=${hostname().split('.')[0]}
SlurmctldPort=${ctldPort}
SlurmdPort=${dPort}
AuthType=auth/munge
AuthInfo=socket=${socket}
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=${path('state')}
SlurmdSpoolDir=${path('spool')}
SlurmctldPidFile=${path('run', 'slurmctld.pid')}
SlurmdPidFile=${path('run', 'slurmd.pid')}
SlurmctldLogFile=${path('log', 'slurmctld.log')}
SlurmdLogFile=${path('log', 'slurmd.log')}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
${node} State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
`,
    );
    // -D: foreground, so the process id kept here is the daemon's; -i: ignore a state folder's leftovers.
    start('slurmctld', 'slurmctld', ['-D', '-i']);
    await until('slurmctld to answer', 30_000, () => spawnSync('scontrol', ['ping'], { env, encoding: 'utf8' }).stdout.includes('is UP'), logs);
    start('slurmd', 'slurmd', ['-D']);
    await until('the node to be idle', 60_000, () => spawnSync('sinfo', ['-h', '-o', '%t'], { env, encoding: 'utf8' }).stdout.trim() === 'idle', logs);
  } catch (e) {
    const message = `${(e as Error).message}\n${logs()}`;
    await stop();
    throw new Error(message);
  }
  return { dir, env, client, logs, stop };
}

/** `process.kill` of a process (or, with a negative id, a process group) that may be gone already. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** The slurmstepd processes of the cluster whose slurm.conf is `conf` (they inherit slurmd's environment). */
function stepsOf(conf: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('slurmstepd')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`SLURM_CONF=${conf}`)) pids.push(Number(entry));
    } catch {
      // the process ended while it was looked at
    }
  }
  return pids;
}
