import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/*
 * Charts drawn on the server: a Vega-Lite spec is compiled to Vega and rendered headless to an SVG
 * string (no browser, no canvas). The SVG goes inline into the public page and, as vector paths,
 * into the PDF (svg-to-pdfkit). ARIA attributes of Vega's own are turned off: the page and the PDF
 * give each chart one alt text and a data table, and the marks inside are decoration to them.
 */

export const CHART_FONT = 'DejaVu Sans';

const config = {
  font: CHART_FONT,
  background: '#ffffff',
  aria: false,
  axis: {
    labelFontSize: 10,
    titleFontSize: 10,
    labelColor: '#1a1a1a',
    titleColor: '#1a1a1a',
    gridColor: '#d9d9d9',
  },
  legend: {
    labelFontSize: 10,
    titleFontSize: 10,
    labelColor: '#1a1a1a',
    titleColor: '#1a1a1a',
    labelLimit: 220,
  },
  range: { category: ['#0b4f8a', '#8a5300', '#2e7d32', '#6a1b9a', '#c62828', '#00695c', '#4a4a4a'] },
  view: { stroke: null },
};

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

const DATA = 'table';
/**
 * Compiling and parsing a spec costs about as much as drawing it, and a municipality's charts come
 * in a handful of shapes (a month's weeks, a year's months, …) that differ only in their data: the
 * parsed dataflow is kept per shape and the data given to each new view.
 */
const runtimes = new Map<string, vega.Runtime>();

function runtimeFor(shape: Record<string, unknown>, width: number): vega.Runtime {
  const key = JSON.stringify([width, shape]);
  let runtime = runtimes.get(key);
  if (!runtime) {
    const { spec } = compile({ width, ...shape, data: { name: DATA }, config } as TopLevelSpec);
    runtime = vega.parse(spec);
    if (runtimes.size >= 200) runtimes.clear();
    runtimes.set(key, runtime);
  }
  return runtime;
}

/** Renders one Vega-Lite spec with inline data (`width` in CSS pixels / PDF points) to a standalone SVG. */
export async function renderChartSvg(spec: Record<string, unknown>, width = 440): Promise<ChartSvg> {
  const { data, ...shape } = spec as { data?: { values?: unknown[] } } & Record<string, unknown>;
  const view = new vega.View(runtimeFor(shape, width), { renderer: 'none' });
  try {
    view.data(DATA, data?.values ?? []);
    const svg = await view.toSVG();
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    return { svg, width: Number(size?.[1] ?? width), height: Number(size?.[2] ?? 200) };
  } finally {
    view.finalize();
  }
}
