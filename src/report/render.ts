/**
 * Rendering a Vega-Lite spec to SVG in Node, so that every chart in a report
 * shows even with scripts off, and `--charts svg|png` can write files for
 * slides. Vega-Lite compiles the spec to Vega; Vega renders headless.
 */
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';

export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: Vega takes a quarter of a second to import, which a refused input should not pay.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A PNG of an SVG at `scale` times its size (2 for crisp slides). */
export function svgToPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true } }).render().asPng();
}
