import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReferenceLine } from 'recharts';
import { describe, expect, it } from 'vitest';
import { computeFunnel, computeSpc } from '@/lib/shared/stats';
import { DistributionPlotDrawing } from './distribution-plot-drawing';
import { formatMetricValue } from './format-value';
import { toFunnelChartData } from './funnel-data';
import { FunnelPlotDrawing } from './funnel-plot-drawing';
import {
  type LineLabel,
  MARK_REACH,
  MarginLabelsSvg,
  type PlacedLabel,
  placeRightLabels,
  placeTopLabels,
  rightMarginFor,
  spreadIntervals,
  textWidth,
  topMarginFor,
} from './margin-labels';
import { SpcChartDrawing } from './spc-chart-drawing';
import { toSpcChartData } from './spc-data';

const target = (value: number): LineLabel => ({
  value,
  lines: ['Target', formatMetricValue('ratio', value)],
  colour: '#00401e',
});

/** A chart `width` wide laid out as recharts would: the plot between the margins, y from 0 (bottom) to 1 (top). */
function layout(width: number, height: number, labels: readonly LineLabel[], fontSize: number) {
  const margin = { top: 10, right: rightMarginFor(labels, fontSize, 20), bottom: 40, left: 75 };
  const plot = {
    x: margin.left,
    y: margin.top,
    width: width - margin.left - margin.right,
    height: height - margin.top - margin.bottom,
  };
  const toY = (value: number) => plot.y + (1 - value) * plot.height;
  return { plot, toY };
}

/** The text's box as placed, with its width as estimated. */
function boxOf(placed: PlacedLabel, fontSize: number) {
  const width = Math.max(...placed.label.lines.map((line) => textWidth(line, fontSize)));
  return {
    left: placed.x,
    right: placed.x + width,
    // Arial's capitals and figures stand 0.72 em above the baseline; its descenders reach 0.21 em below.
    top: (placed.baselines[0] ?? Number.NaN) - 0.75 * fontSize,
    bottom: (placed.baselines.at(-1) ?? Number.NaN) + 0.25 * fontSize,
  };
}

type Box = ReturnType<typeof boxOf>;

describe('target labels in the right margin', () => {
  it.each([
    [800, 300, 15],
    [1800, 640, 26],
  ])(
    'at %ipx by %ipx, %ipx type: beside the line, clear of the plot, within the chart',
    (width, height, fontSize) => {
      for (const value of [0.95, 1, 0.0001]) {
        const labels = [target(value)];
        const { plot, toY } = layout(width, height, labels, fontSize);
        const placed = placeRightLabels(labels, { plot, toY, fontSize });
        expect(placed).toHaveLength(1);
        const box = boxOf(placed[0] as PlacedLabel, fontSize);
        // Right of the plot (and of a point drawn on its edge): so over no point and no limit.
        expect(box.left).toBeGreaterThanOrEqual(plot.x + plot.width + MARK_REACH);
        // Within the chart's width: the margin fits the value ('Target' over '100.0%').
        expect(box.right).toBeLessThanOrEqual(width);
        // Level with the line where there is room, and never below the plot (where the x axis' dates are).
        expect(box.bottom).toBeLessThanOrEqual(plot.y + plot.height + 0.25 * fontSize);
        expect(box.top).toBeGreaterThanOrEqual(-0.5);
        if (value === 0.95) expect(box.top < toY(value) && box.bottom > toY(value)).toBe(true);
      }
    },
  );

  it('writes the value under the word, at the type size asked for, in the target colour', () => {
    const labels = [target(0.95)];
    const { plot, toY } = layout(800, 300, labels, 15);
    const placed = placeRightLabels(labels, { plot, toY, fontSize: 15 });
    const html = renderToStaticMarkup(<MarginLabelsSvg placed={placed} fontSize={15} />);
    const x = Number(html.match(/<text x="([\d.]+)"/)?.[1]);
    expect(x).toBeGreaterThan(plot.x + plot.width);
    expect(html).toContain('font-size="15"');
    expect(html).toContain('fill="#00401e"');
    expect([...html.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1])).toEqual([
      'Target',
      '95.0%',
    ]);
  });

  it('spreads the labels of close lines (overall and target) apart, each as near its line as it can be', () => {
    const labels: LineLabel[] = [
      { value: 0.9, lines: ['Overall', '90.0%'], colour: '#212b32' },
      target(0.91),
    ];
    const { plot, toY } = layout(800, 320, labels, 15);
    const placed = placeRightLabels(labels, { plot, toY, fontSize: 15 });
    expect(placed).toHaveLength(2);
    const [overall, aim] = placed.map((label) => boxOf(label, 15)) as [Box, Box];
    // The higher line's label is above the other's, and they do not overlap.
    expect(aim.bottom).toBeLessThanOrEqual(overall.top + 0.25 * 15);
    expect(aim.top).toBeLessThan(toY(0.91));
    expect(overall.bottom).toBeGreaterThan(toY(0.9));
  });

  it('leaves out the label of a line off the plot, which recharts does not draw', () => {
    const labels = [target(1.2)];
    const { plot, toY } = layout(800, 300, labels, 15);
    expect(placeRightLabels(labels, { plot, toY, fontSize: 15 })).toEqual([]);
  });

  it('keeps the margin at its minimum when there is nothing to label', () => {
    expect(rightMarginFor([], 15, 20)).toBe(20);
    expect(topMarginFor([], 15, 20)).toBe(20);
    expect(rightMarginFor([target(0.95)], 15, 20)).toBeGreaterThan(MARK_REACH + textWidth('Target', 15));
  });
});

describe('median and target labels above the plot', () => {
  const plot = { x: 10, y: 24, width: 730, height: 116 };
  const labels = (median: number, aim: number): LineLabel[] => [
    { value: median, lines: ['Median 8.2'], colour: '#212b32' },
    { value: aim, lines: ['Target 8.3'], colour: '#00401e' },
  ];
  const extent = (placed: ReturnType<typeof placeTopLabels>[number]) => {
    const width = textWidth(placed.label.lines.join(' '), 15);
    const left =
      placed.textAnchor === 'start'
        ? placed.x
        : placed.textAnchor === 'end'
          ? placed.x - width
          : placed.x - width / 2;
    return { left, right: left + width };
  };
  type Extent = ReturnType<typeof extent>;

  it('writes close lines’ labels either side of them, in the top margin, without overlapping', () => {
    const toX = (value: number) => plot.x + value * 10;
    const placed = placeTopLabels(labels(30, 31), { plot, chartWidth: 760, toX, fontSize: 15 });
    expect(placed).toHaveLength(2);
    const [left, right] = placed.map(extent) as [Extent, Extent];
    expect(left.right).toBeLessThanOrEqual(toX(30));
    expect(right.left).toBeGreaterThanOrEqual(toX(31));
    expect(left.right).toBeLessThanOrEqual(right.left);
    for (const label of placed) expect(label.baselines[0]).toBeLessThan(plot.y);
  });

  it('keeps them within the chart when the lines are at its edge', () => {
    const toX = (value: number) => plot.x + value * 10;
    const placed = placeTopLabels(labels(72, 73), { plot, chartWidth: 760, toX, fontSize: 15 });
    expect(placed).toHaveLength(2);
    const [left, right] = placed.map(extent) as [Extent, Extent];
    expect(right.right).toBeLessThanOrEqual(760);
    expect(left.right).toBeLessThanOrEqual(right.left);
  });
});

describe('spreadIntervals', () => {
  it('moves overlapping intervals apart as a group around where they would be, within the bounds', () => {
    expect(spreadIntervals([{ start: 10, size: 10 }], { min: 0, max: 100, spacing: 2 })).toEqual([10]);
    expect(
      spreadIntervals(
        [
          { start: 50, size: 10 },
          { start: 48, size: 10 },
        ],
        { min: 0, max: 100, spacing: 2 },
      ),
    ).toEqual([55, 43]);
    expect(
      spreadIntervals(
        [
          { start: 95, size: 10 },
          { start: -5, size: 10 },
        ],
        { min: 0, max: 100, spacing: 2 },
      ),
    ).toEqual([90, 0]);
  });
});

/** Every element in a drawing's tree as returned (recharts draws nothing outside a browser, so its props are read). */
function elementsOf(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elementsOf(node.props.children as ReactNode)];
}

/** The margins of the drawing's chart. */
function marginOf(tree: ReactElement<Record<string, unknown>>[]) {
  const margin = tree.find((element) => element.props.margin !== undefined)?.props.margin;
  if (!margin) throw new Error('no chart with margins in the drawing');
  return margin as { top: number; right: number; bottom: number; left: number };
}

describe('the drawings label their reference lines in the margin, not over the plot', () => {
  const referenceLabels = (tree: ReactElement[]) =>
    tree
      .filter((element) => element.type === ReferenceLine)
      .map((element) => (element.props as { label?: unknown }).label);

  it('SPC chart: the target beside its line in the right margin, which is wide enough for it', () => {
    const weeks = Array.from({ length: 20 }, (_, i) => ({
      x: `2024-01-${String(i + 1).padStart(2, '0')}`,
      y: 0.9 + (i % 4) * 0.02,
    }));
    const data = toSpcChartData(computeSpc(weeks, { improvementDirection: 'increase', target: 0.95 }));
    for (const tickFontSize of [13, 24]) {
      const tree = elementsOf(
        SpcChartDrawing({ unit: 'ratio', data, height: 300, annotations: [], tickFontSize }),
      );
      const labels = tree.find((element) => Array.isArray(element.props.labels));
      expect(labels?.props.labels).toEqual([target(0.95)]);
      const fontSize = labels?.props.fontSize as number;
      expect(fontSize).toBeGreaterThanOrEqual(tickFontSize);
      expect(marginOf(tree).right).toBe(rightMarginFor([target(0.95)], fontSize, 20));
      // No reference line carries a label of its own (drawn over the plot, where the latest points are).
      expect(referenceLabels(tree).every((label) => label === undefined)).toBe(true);
    }
  });

  it('SPC chart: notes and rebases labelled at the top of their lines, above the plot, in a margin that fits', () => {
    const weeks = Array.from({ length: 24 }, (_, i) => ({
      x: `2024-01-${String(i + 1).padStart(2, '0')}`,
      y: i < 12 ? 0.8 : 0.9,
    }));
    const data = toSpcChartData(
      computeSpc(weeks, { improvementDirection: 'increase', rebaseAt: ['2024-01-13'] }),
    );
    const annotations = [{ x: '2024-01-05', text: 'Covering the ward' }];
    for (const tickFontSize of [13, 24]) {
      const tree = elementsOf(
        SpcChartDrawing({ unit: 'ratio', data, height: 300, annotations, tickFontSize }),
      );
      const labels = referenceLabels(tree) as {
        value: string;
        position: string;
        offset: number;
        fontSize: number;
      }[];
      expect(labels.map((label) => [label.value, label.position])).toEqual([
        ['Rebased', 'top'],
        ['Note', 'top'],
      ]);
      expect(labels.every((label) => label.fontSize === tickFontSize)).toBe(true);
      // Two rows: "Rebased" a line above the notes, both inside the top margin.
      const [rebased, noted] = labels as [(typeof labels)[0], (typeof labels)[0]];
      expect(rebased.offset - noted.offset).toBeGreaterThanOrEqual(tickFontSize);
      expect(marginOf(tree).top).toBeGreaterThanOrEqual(rebased.offset + tickFontSize);
    }
    const plain = elementsOf(
      SpcChartDrawing({
        unit: 'ratio',
        data: { ...data, rebaseAt: [] },
        height: 300,
        annotations: [],
        tickFontSize: 13,
      }),
    );
    expect(marginOf(plain).top).toBe(10);
  });

  it('funnel plot: the overall line and the target in the right margin', () => {
    const units = Array.from({ length: 8 }, (_, i) => ({
      id: String(i),
      numerator: 80 + i,
      denominator: 100,
    }));
    const data = toFunnelChartData(computeFunnel(units, { type: 'proportion' }), new Map());
    const tree = elementsOf(
      FunnelPlotDrawing({ unit: 'ratio', xLabel: 'Expected sessions', data, target: 0.95 }),
    );
    const labels = tree.find((element) => Array.isArray(element.props.labels))?.props.labels as LineLabel[];
    expect(labels.map((label) => label.lines[0])).toEqual(['Overall', 'Target']);
    expect(referenceLabels(tree).every((label) => label === undefined)).toBe(true);
    expect(marginOf(tree).right).toBe(rightMarginFor(labels, 15, 20));
  });

  it('distribution plot: the median and the target above the plot', () => {
    const tree = elementsOf(
      DistributionPlotDrawing({
        points: [{ label: 'A', value: 8 }],
        summary: null,
        median: 8.2,
        target: 9,
      }),
    );
    const labels = tree.find((element) => Array.isArray(element.props.labels))?.props.labels as LineLabel[];
    expect(labels.map((label) => label.lines[0])).toEqual(['Median 8.2', 'Target 9.0']);
    expect(referenceLabels(tree).every((label) => label === undefined)).toBe(true);
    expect(marginOf(tree).top).toBe(topMarginFor(labels, 15, 20));
  });
});
