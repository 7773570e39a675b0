/**
 * Rendering a Vega-Lite spec to SVG in Node, so that every chart in a report
 * shows even with scripts off, and `--charts svg|png` can write files for
 * slides. Vega-Lite compiles the spec to Vega; Vega renders headless.
 */
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

/**
 * A PNG of an SVG at `scale` times its size (2 for crisp slides). The
 * rasteriser is a native module, loaded only when a PNG is asked for: a
 * report without `--charts png` never needs it.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true } }).render().asPng();
}
