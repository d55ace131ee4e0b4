import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Line, Scatter, XAxis, YAxis } from 'recharts';
import { describe, expect, it } from 'vitest';
import { formatMetricValue, formatTick } from './format-value';
import { type FunnelChartData, funnelXAxis, funnelYAxis } from './funnel-data';
import { boxesOverlap } from './funnel-labels';
import { FunnelPlotDrawing } from './funnel-plot-drawing';
import { funnelMarginLabels, MARK_REACH, textWidth } from './margin-labels';
import { LINE_COLOURS, TARGET_TEXT_COLOUR } from './palette';
import { StaticFunnel, staticFunnelLabels } from './static-funnel';

/** Three units around an overall 80%, one an outlier below. */
const data: FunnelChartData = {
  points: [
    { id: 'a', label: 'A', x: 100, y: 0.9, outlier: null },
    { id: 'b', label: 'B', x: 200, y: 0.85, outlier: null },
    { id: 'c', label: 'C', x: 150, y: 0.4, outlier: 'low' },
  ],
  curve: [20, 100, 200].map((x) => ({
    x,
    lower95: 0.8 - 1 / x,
    upper95: 0.8 + 1 / x,
    lower998: 0.8 - 2 / x,
    upper998: 0.8 + 2 / x,
  })),
  centre: 0.8,
  isAdjusted: true,
};

describe('StaticFunnel', () => {
  it('draws every unit (outliers as diamonds), the four limits, the overall line and the target as SVG', () => {
    const html = renderToStaticMarkup(
      <StaticFunnel
        data={data}
        height={320}
        target={0.95}
        format={(value) => `${Math.round(value * 100)}%`}
        formatX={(value) => String(value)}
        xLabel="Expected sessions (net)"
      />,
    );
    expect(html).toMatch(/^<svg class="static-funnel"/);
    const outliers = 1;
    expect(html.match(/<circle /g)?.length).toBe(data.points.length - outliers);
    expect(html.match(/<path d="M[^"]*Z"/g)?.length).toBe(outliers);
    expect(html.match(/stroke-dasharray="5 4"/g)?.length).toBe(2);
    expect(html).toContain('stroke-dasharray="10 4"');
    expect(html).toContain('Expected sessions (net)');
    expect(html).not.toContain('NaN');
  });
});

describe('StaticFunnel labels', () => {
  const curve = [20, 100, 200].map((x) => ({
    x,
    lower95: 0.6,
    upper95: 0.95,
    lower998: 0.5,
    upper998: 1,
  }));
  const drawing = { height: 620, width: 920, fontSize: 24, target: 0.95 };

  it('writes the labels of points on the same spot in different places, and leaves out those with no room', () => {
    const data: FunnelChartData = {
      points: Array.from({ length: 6 }, (_, index) => ({
        id: String(index + 1),
        label: String(index + 1),
        x: 100,
        y: 0.8,
        outlier: null,
      })),
      curve,
      centre: 0.8,
      isAdjusted: false,
    };
    const html = renderToStaticMarkup(
      <StaticFunnel
        data={data}
        {...drawing}
        format={(value) => `${Math.round(value * 100)}%`}
        formatX={(value) => String(value)}
        xLabel="Expected sessions"
        isLabelled
      />,
    );
    const labels = [
      ...html.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="24" fill="#212b32">(\d)<\/text>/g),
    ];
    const places = labels.map((match) => `${match[1]},${match[2]}`);
    expect(new Set(places).size).toBe(places.length);
    const left = staticFunnelLabels(data, drawing);
    const unlabelled = [...left].filter(([, box]) => box === null).map(([id]) => id);
    expect(unlabelled).toEqual(['5', '6']);
    // The boxes written on the drawing: no two of them overlap, not merely sit at different places.
    const boxes = [...left.values()].filter((box) => box !== null);
    expect(boxes).toHaveLength(4);
    for (const [index, box] of boxes.entries())
      for (const other of boxes.slice(index + 1)) expect(boxesOverlap(box, other)).toBe(false);
    expect(labels.map((match) => match[3])).toEqual(['1', '2', '3', '4']);
  });
});

/** Every element in a drawing's tree as returned (recharts draws nothing outside a browser, so its props are read). */
function elementsOf(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elementsOf(node.props.children as ReactNode)];
}

describe('StaticFunnel in place of the interactive drawing', () => {
  const format = (value: number) => formatMetricValue('ratio', value);
  const render = (target: number | null) =>
    renderToStaticMarkup(
      <StaticFunnel
        data={data}
        height={320}
        target={target}
        format={format}
        formatX={(value) => String(value)}
        xLabel="Expected sessions"
      />,
    );
  /** The static plot's box: its clip rectangle. */
  const plotOf = (html: string) => {
    const [, x, y, width, height] = html.match(
      /<clipPath [^>]*><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/,
    ) ?? [0, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    return { x: Number(x), y: Number(y), width: Number(width), height: Number(height) };
  };
  /** The line labels' texts in the right margin: where each starts, its colour, type size and lines. */
  const lineLabelsOf = (html: string) =>
    [
      ...(html.match(/<g class="chart-margin-labels">(.*?)<\/g>/)?.[1] ?? '').matchAll(
        /<text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)" fill="([^"]+)"[^>]*>(.*?)<\/text>/g,
      ),
    ].map(([, x, y, fontSize, fill, inner]) => ({
      x: Number(x),
      y: Number(y),
      fontSize: Number(fontSize),
      fill,
      lines: [...(inner ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]),
    }));

  it.each([0.95, null])(
    'keeps the plot where the interactive drawing puts it, 800 wide (target %s)',
    (target) => {
      // The interactive drawing's plot, 800 wide as its initial size: within its margins and the y axis' width.
      const tree = elementsOf(
        FunnelPlotDrawing({ unit: 'ratio', xLabel: 'Expected sessions', data, target: target ?? undefined }),
      );
      const margin = tree.find((element) => element.props.margin !== undefined)?.props.margin as {
        left: number;
        right: number;
      };
      const yAxisWidth = tree.find((element) => element.type === YAxis)?.props.width as number;
      expect(margin.right).toBe(funnelMarginLabels({ centre: data.centre, target, format }).right);
      const plot = plotOf(render(target));
      expect(plot.x).toBe(margin.left + yAxisWidth);
      expect(plot.width).toBe(800 - margin.left - yAxisWidth - margin.right);
    },
  );

  it('writes the overall and target labels in the right margin, as the interactive drawing does', () => {
    const html = render(0.95);
    const plot = plotOf(html);
    const { fontSize } = funnelMarginLabels({ centre: data.centre, target: 0.95, format });
    const labels = lineLabelsOf(html);
    expect(labels.map((label) => label.lines)).toEqual([
      ['Overall', '80.0%'],
      ['Target', '95.0%'],
    ]);
    expect(labels.map((label) => label.fill)).toEqual([LINE_COLOURS.mean, TARGET_TEXT_COLOUR]);
    for (const label of labels) {
      expect(label.fontSize).toBe(fontSize);
      // Beyond the plot's right edge (and a point drawn on it), and within the drawing.
      expect(label.x).toBeGreaterThanOrEqual(plot.x + plot.width + MARK_REACH);
      const widest = Math.max(...label.lines.map((line) => textWidth(line ?? '', fontSize)));
      expect(label.x + widest).toBeLessThanOrEqual(800);
    }
    // The target's label above the overall line's, as their lines are.
    expect(labels[1]?.y).toBeLessThan(labels[0]?.y ?? 0);
    expect(render(null)).not.toContain('Target');
  });

  it('keeps the points’ labels clear of the lines’ labels', () => {
    const crowded: FunnelChartData = {
      ...data,
      points: [
        { id: '1', label: '1', x: 200, y: 0.8, outlier: null },
        { id: '2', label: '2', x: 200, y: 0.95, outlier: null },
      ],
    };
    const drawing = { height: 620, width: 920, fontSize: 24, target: 0.95, format };
    const html = renderToStaticMarkup(
      <StaticFunnel {...drawing} data={crowded} formatX={String} xLabel="Expected sessions" isLabelled />,
    );
    const lineLabelsStart = Math.min(...lineLabelsOf(html).map((label) => label.x));
    for (const box of staticFunnelLabels(crowded, drawing).values()) {
      if (box) expect(box.x + box.width).toBeLessThanOrEqual(lineLabelsStart);
    }
  });
});

describe('the funnel’s value axis, interactive and static alike', () => {
  const format = (value: number) => formatMetricValue('ratio', value);

  it('zooms to the points and the limits beside them, with round ticks, in both drawings', () => {
    const axis = funnelYAxis(data, 0.95);
    // Points from 40% to 90%, limits at 100–200 sessions from 78% to 82%, overall 80%, target 95%.
    expect(axis).toEqual({ domain: [0.4, 1], ticks: [0.4, 0.6, 0.8, 1] });
    const tree = elementsOf(
      FunnelPlotDrawing({ unit: 'ratio', xLabel: 'Expected sessions', data, target: 0.95 }),
    );
    const [visible, limits] = tree.filter((element) => element.type === YAxis);
    expect(visible?.props).toMatchObject({ domain: axis.domain, ticks: axis.ticks });
    // The sessions axis too: round ticks from 0, as the static funnel's.
    const xAxis = funnelXAxis(data);
    expect(tree.find((element) => element.type === XAxis)?.props).toMatchObject({
      domain: [0, xAxis.max],
      ticks: xAxis.ticks,
    });
    expect(visible?.props.allowDataOverflow).toBeFalsy();
    // The limit lines, on a hidden axis of the same domain, are cut at the plot's edges where they fan out; the
    // points are drawn against the visible axis, which does not cut them.
    expect(limits?.props).toMatchObject({ domain: axis.domain, allowDataOverflow: true, hide: true });
    const lines = tree.filter((element) => element.type === Line);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.props.yAxisId).toBe(limits?.props.yAxisId);
    expect(tree.find((element) => element.type === Scatter)?.props.yAxisId).toBeUndefined();
    const html = renderToStaticMarkup(
      <StaticFunnel
        data={data}
        height={320}
        target={0.95}
        format={format}
        formatX={String}
        xLabel="Expected sessions"
      />,
    );
    const yLabels = [...html.matchAll(/<text [^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map(
      (match) => match[1],
    );
    // Round ticks read without a trailing ".0": 40%, 60%, 80%, 100%.
    expect(yLabels).toEqual(axis.ticks.map((tick) => formatTick(format(tick))));
    expect(yLabels).toEqual(['40%', '60%', '80%', '100%']);
  });
});
