/**
 * The engine in a report: the claimsim core running in a browser's Web Worker
 * for the what-if panel (panel.ts). The page starts a few of these from one
 * blob; the panel hands each a share of a run's (replication, team) units and
 * one of them the summary, so the figures are made by the same functions, in
 * the same order, as `claimsim run` makes them.
 *
 * Phase: page (the browser's front door; bundled with esbuild into the report,
 * never imported by Node code).
 */
import { z } from 'zod';
import {
  assembleRun,
  type MetricName,
  METRIC_NAMES,
  type MetricSummaries,
  type PairedDifference,
  pairedDifference,
  parametersSchema,
  type Parameters,
  simulateUnit,
  summariseMetrics,
  type UnitKey,
  type UnitResult,
} from '../core.js';

// zod would first try `new Function` to speed up parsing; the report's Content-Security-Policy forbids it, so say so up front.
z.config({ jitless: true });

export type EngineRequest =
  | { readonly type: 'check'; readonly job: number; readonly parameters: unknown }
  | { readonly type: 'simulate'; readonly job: number; readonly parameters: Parameters; readonly seed: number; readonly units: readonly UnitKey[] }
  | {
      readonly type: 'summarise';
      readonly job: number;
      readonly replications: number;
      readonly teams: number;
      readonly units: readonly UnitResult[];
      /** The report's own run, metric by metric, to pair against. */
      readonly base: Readonly<Record<MetricName, readonly number[]>>;
    };

export type EngineReply =
  | { readonly type: 'checked'; readonly job: number; readonly parameters: Parameters | null; readonly problems: readonly string[] }
  | { readonly type: 'unit'; readonly job: number; readonly unit: UnitResult }
  | { readonly type: 'summary'; readonly job: number; readonly summary: MetricSummaries; readonly differences: Record<MetricName, PairedDifference> }
  | { readonly type: 'failed'; readonly job: number; readonly message: string };

/** The reply to one request; `post` is called once per simulated unit, so the panel can show progress. */
export function answer(request: EngineRequest, post: (reply: EngineReply) => void): void {
  switch (request.type) {
    case 'check': {
      const parsed = parametersSchema.safeParse(request.parameters);
      post(
        parsed.success
          ? { type: 'checked', job: request.job, parameters: parsed.data, problems: [] }
          : { type: 'checked', job: request.job, parameters: null, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
      );
      return;
    }
    case 'simulate':
      for (const key of request.units) {
        post({ type: 'unit', job: request.job, unit: { ...key, aggregates: simulateUnit({ params: request.parameters, seed: request.seed, ...key }) } });
      }
      return;
    case 'summarise': {
      const run = assembleRun(request.replications, request.teams, request.units);
      const summary = summariseMetrics(run.replications);
      const differences = Object.fromEntries(METRIC_NAMES.map((m) => [m, pairedDifference(request.base[m]!, summary.perReplication[m])])) as Record<MetricName, PairedDifference>;
      post({ type: 'summary', job: request.job, summary, differences });
      return;
    }
  }
}

/** In a worker, answer every message; anything thrown goes back as a failure rather than into the console. */
declare const self: { onmessage: ((event: { data: EngineRequest }) => void) | null; postMessage(message: EngineReply): void } | undefined;
if (typeof self !== 'undefined' && typeof (self as { importScripts?: unknown }).importScripts === 'function') {
  self.onmessage = ({ data }) => {
    try {
      answer(data, (reply) => self.postMessage(reply));
    } catch (error) {
      self.postMessage({ type: 'failed', job: data.job, message: error instanceof Error ? error.message : String(error) });
    }
  };
}
