/**
 * What every chart builder shares: the schema, the plot size, the title
 * block, and the d3-format strings the axes use for the units that
 * format/values.ts writes in titles and labels ($2.46M, 92.6%).
 */
import { MUTED_INK } from './palette.js';

/** The Vega-Lite schema the specs are written against (matches the installed vega-lite 6). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Default plot size in pixels; charts are pre-rendered in Node, so sizes are fixed. */
export const WIDTH = 560;
export const HEIGHT = 260;

/** d3-format for money on axes: $1.2M, $850k, -$52.8k. */
export const USD_FORMAT = '$,.3~s';

/** d3-format string for an axis showing a metric in `unit`. */
export function axisFormat(unit: string): string {
  switch (unit) {
    case 'USD':
      return USD_FORMAT;
    case 'share':
      return '.1~%';
    case 'days':
    case 'ratio':
      return ',.3~r';
    default:
      return ',.4~r';
  }
}

/** d3-format for a parameter axis. */
export function parameterAxisFormat(unit: string | undefined): string {
  return unit === 'USD' ? '$,~r' : ',~r';
}

/** How titles say "per period": "a year" and "1 year in 20" when the filing period is a year, otherwise per filing period and "1 run in 20". */
export function periodPhrase(filingDays: number): { readonly per: string; readonly oneIn20: string } {
  return filingDays === 365 ? { per: 'a year', oneIn20: '1 year in 20' } : { per: `per ${filingDays}-day filing period`, oneIn20: '1 run in 20' };
}

/**
 * Vega estimates text widths in Node, where there is no canvas to measure
 * them, as 0.8 x font size per character (vega-scenegraph `estimateWidth`),
 * about 1.4 times the real width; titles are wrapped to lines that fit the
 * chart under that estimate, so the pre-rendered SVG is not padded out.
 */
const TITLE_CHARS = Math.floor((WIDTH + 60) / (0.8 * 14));
const SUBTITLE_CHARS = Math.floor((WIDTH + 60) / (0.8 * 11));

/**
 * Breaks text at spaces into lines of at most `max` characters (a longer word gets a line of its own).
 * @example wrapText('one two three', 7) // ["one two", "three"]
 */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The title block every chart uses: the finding as the title, how to read the chart beneath it (each wrapped to the chart's width). */
export function chartTitle(text: string, subtitle: readonly string[] = []) {
  const sub = subtitle.flatMap((s) => wrapText(s, SUBTITLE_CHARS));
  return {
    text: wrapText(text, TITLE_CHARS),
    ...(sub.length ? { subtitle: sub } : {}),
    anchor: 'start' as const,
    fontSize: 14,
    subtitleFontSize: 11,
    subtitleColor: MUTED_INK,
    subtitlePadding: 6,
    offset: 12,
  };
}

/** Legends whose labels are not cut short by Node's width estimate. */
export const LEGEND_LABEL_LIMIT = 320;
