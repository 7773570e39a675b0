/**
 * Rendering a chart headless for tests, with Vega-Lite's and Vega's warnings
 * collected (a chart that renders with a warning has a mistake in it).
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface RenderedView {
  readonly svg: string;
  readonly warnings: readonly string[];
  /** The Vega spec Vega-Lite compiled. */
  readonly compiled: vega.Spec;
  readonly view: vega.View;
}

function collectingLogger(messages: string[]) {
  const logger = {
    level: (..._: unknown[]) => logger as never,
    error: (...a: unknown[]) => (messages.push(`error: ${a.join(' ')}`), logger),
    warn: (...a: unknown[]) => (messages.push(`warn: ${a.join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Renders `spec` to SVG and hands the live view to `read`; the view is finalized afterwards. */
export async function renderWith<T>(spec: TopLevelSpec, read: (rendered: RenderedView) => T): Promise<T> {
  const warnings: string[] = [];
  const compiled = compile(spec, { logger: collectingLogger(warnings) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: collectingLogger(warnings) as never, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return read({ svg, warnings, compiled, view });
  } finally {
    view.finalize();
  }
}

/** The root of a rendered view's scenegraph. */
export function sceneRoot(view: vega.View): unknown {
  return (view.scenegraph() as unknown as { root: unknown }).root;
}
