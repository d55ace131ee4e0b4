/**
 * Labels of reference lines (target, overall, median) written in the chart's margin beside their line rather than
 * over the plot, so that they never cover a point or a limit. Several labels in one margin are spread apart so
 * that they do not overlap each other either. The drawings (`*-drawing.tsx`, the only modules to import recharts)
 * read the chart's plot area and scale with recharts' hooks and pass them to `placeRightLabels`/`placeTopLabels`;
 * the static funnel (plain SVG, shown until the recharts drawing has loaded) places its labels with the same
 * functions, so that nothing moves when one replaces the other.
 */
import { LINE_COLOURS, TARGET_TEXT_COLOUR } from './palette';

export interface LineLabel {
  /** Where the line is, in the axis' units. */
  value: number;
  /** The label's text, one entry a line, e.g. ['Target', '95.0%'] (in the right margin, one word a line). */
  lines: readonly string[];
  colour: string;
}

/** Advance widths in em of Arial and its metric twins (Helvetica, Liberation Sans): the charts' type. */
const EM_WIDTHS: readonly (readonly [string, number])[] = [
  ['ijl', 0.222],
  [" .,:;!'ftI", 0.278],
  ['r-()', 0.333],
  ['ckvxyzsJ', 0.5],
  ['0123456789abdeghnopquL–$£', 0.556],
  ['FTZ', 0.611],
  ['ABEKPSVXY', 0.667],
  ['CDHNRUw', 0.722],
  ['GOQ', 0.778],
  ['Mm', 0.833],
  ['%', 0.889],
  ['W', 0.944],
];
const EM_WIDTH = new Map(EM_WIDTHS.flatMap(([characters, width]) => [...characters].map((c) => [c, width])));
/** For a character not in the table: as wide as the widest common capitals, so that the estimate errs wide. */
const UNKNOWN_EM = 0.722;

/** Line height of a label, in em. */
const LINE_HEIGHT = 1.2;
/** The space between a line's end and its label, and between two labels, in em. */
const GAP = 0.4;
/** How far past the plot's edge a point drawn on it reaches, in pixels (a 7-pixel diamond with its outline). */
export const MARK_REACH = 8;

/** About how wide `text` is in pixels at `fontSize` (Arial metrics, rounded up a little to be safe). */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) ems += EM_WIDTH.get(character) ?? UNKNOWN_EM;
  return ems * fontSize * 1.05;
}

/** The right margin a chart needs to write `labels` beside its horizontal lines: at least `minimum`. */
export function rightMarginFor(labels: readonly LineLabel[], fontSize: number, minimum: number): number {
  const widest = Math.max(
    0,
    ...labels.flatMap((label) => label.lines.map((line) => textWidth(line, fontSize))),
  );
  return labels.length === 0
    ? minimum
    : Math.max(minimum, Math.ceil(MARK_REACH + GAP * fontSize + widest + 4));
}

/** The top margin a chart needs to write one row of labels above its vertical lines: at least `minimum`. */
export function topMarginFor(labels: readonly LineLabel[], fontSize: number, minimum: number): number {
  return labels.length === 0 ? minimum : Math.max(minimum, Math.ceil((LINE_HEIGHT + GAP) * fontSize));
}

/**
 * Moves intervals (each a preferred start and a size, along one axis) to keep them `spacing` apart and within
 * [min, max], keeping their order: the new starts, in the order given. Intervals that would overlap are moved as
 * a group, centred on where they would like to be, so that each stays as near its own place as the others allow.
 */
export function spreadIntervals(
  intervals: readonly { start: number; size: number }[],
  { min, max, spacing }: { min: number; max: number; spacing: number },
): number[] {
  /** A run of intervals laid end to end: each member's wanted start and offset from the run's start. */
  interface Run {
    members: { index: number; wanted: number; offset: number }[];
    start: number;
    size: number;
  }
  const within = (run: Run) => {
    // The mean of the starts the members ask of the run, within the bounds (the lower bound first if it is full).
    const wanted =
      run.members.reduce((sum, member) => sum + member.wanted - member.offset, 0) / run.members.length;
    run.start = Math.max(min, Math.min(wanted, max - run.size));
  };
  const runs: Run[] = [];
  const inOrder = intervals
    .map((interval, index) => ({ ...interval, index }))
    .sort((a, b) => a.start - b.start);
  for (const { index, start, size } of inOrder) {
    let last: Run = { members: [{ index, wanted: start, offset: 0 }], start, size };
    within(last);
    let previous = runs.at(-1);
    while (previous && previous.start + previous.size + spacing > last.start) {
      const shift = previous.size + spacing;
      previous.members.push(...last.members.map((member) => ({ ...member, offset: member.offset + shift })));
      previous.size = shift + last.size;
      within(previous);
      runs.pop();
      last = previous;
      previous = runs.at(-1);
    }
    runs.push(last);
  }
  const starts = intervals.map((interval) => interval.start);
  for (const run of runs) for (const { index, offset } of run.members) starts[index] = run.start + offset;
  return starts;
}

export interface PlacedLabel {
  /** The x of the text's anchor (its start, middle or end), and the baseline of each of its lines. */
  x: number;
  baselines: number[];
  textAnchor: 'start' | 'middle' | 'end';
  label: LineLabel;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The x where labels in the right margin start: clear of a point drawn on the plot's right edge. */
export function rightLabelsX(plot: Box, fontSize: number): number {
  return plot.x + plot.width + MARK_REACH + GAP * fontSize;
}

/**
 * Where the labels of horizontal lines go: in the margin to the right of the plot, each centred on its line's
 * height where there is room (spread apart where two lines are close, and kept within the plot's height so as to
 * stay clear of the x axis). A label whose line is off the plot (and so not drawn) is left out.
 */
export function placeRightLabels(
  labels: readonly LineLabel[],
  { plot, toY, fontSize }: { plot: Box; toY: (value: number) => number | undefined; fontSize: number },
): PlacedLabel[] {
  const drawn = labels.flatMap((label) => {
    const y = toY(label.value);
    return y === undefined || !Number.isFinite(y) || y < plot.y - 0.5 || y > plot.y + plot.height + 0.5
      ? []
      : [{ label, y, height: label.lines.length * LINE_HEIGHT * fontSize }];
  });
  const tops = spreadIntervals(
    drawn.map(({ y, height }) => ({ start: y - height / 2, size: height })),
    { min: 0, max: plot.y + plot.height, spacing: (GAP / 2) * fontSize },
  );
  return drawn.map(({ label, y, height }, index) => {
    const top = tops[index] ?? y - height / 2;
    return {
      // Clear of a point drawn on the plot's right edge (the latest week's, on an SPC chart).
      x: rightLabelsX(plot, fontSize),
      // The middle of each line box, lowered to the baseline (Arial's capitals and figures stand 0.72 em high).
      baselines: label.lines.map((_, line) => top + (line + 0.5) * LINE_HEIGHT * fontSize + 0.36 * fontSize),
      textAnchor: 'start',
      label,
    };
  });
}

/**
 * Where the labels of vertical lines go: in the margin above the plot, one row, each beside its line. With two
 * lines the left one's label ends at its line and the right one's starts at its line, so that however close the
 * lines are the labels read apart; labels are kept within the chart's width. A label whose line is off the plot
 * is left out.
 */
export function placeTopLabels(
  labels: readonly LineLabel[],
  {
    plot,
    chartWidth,
    toX,
    fontSize,
  }: { plot: Box; chartWidth: number; toX: (value: number) => number | undefined; fontSize: number },
): PlacedLabel[] {
  const drawn = labels
    .flatMap((label) => {
      const x = toX(label.value);
      return x === undefined || !Number.isFinite(x) || x < plot.x - 0.5 || x > plot.x + plot.width + 0.5
        ? []
        : [{ label, x, width: textWidth(label.lines.join(' '), fontSize) }];
    })
    .sort((a, b) => a.x - b.x)
    .map((item, index, all) => {
      // Alone, a label is centred on its line; of two, the left one ends at its line and the right one starts
      // at it.
      const anchor: PlacedLabel['textAnchor'] = all.length === 1 ? 'middle' : index === 0 ? 'end' : 'start';
      const gap = (GAP / 2) * fontSize;
      const start =
        anchor === 'middle'
          ? item.x - item.width / 2
          : anchor === 'end'
            ? item.x - gap - item.width
            : item.x + gap;
      return { ...item, anchor, start };
    });
  const starts = spreadIntervals(
    drawn.map(({ start, width }) => ({ start, size: width })),
    { min: 0, max: chartWidth, spacing: GAP * fontSize },
  );
  const baseline = plot.y - GAP * fontSize;
  return drawn.map(({ label, width, anchor, start }, index) => {
    return {
      // The anchor's end of the text, so that where the width is overestimated the text falls short of it.
      x: (starts[index] ?? start) + (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0),
      baselines: [baseline],
      textAnchor: anchor,
      label: { ...label, lines: [label.lines.join(' ')] },
    };
  });
}

/** The funnel plot's right margin with no line to label, and its lines' labels' type size, with 13-unit axis type. */
const FUNNEL_MIN_RIGHT = 20;
const FUNNEL_LABEL_FONT_SIZE = 15;

/**
 * The funnel plot's labels of its overall line and its target (if any), their type size and the right margin that
 * fits them, for a chart whose type is `grow` times the interactive one's (13-unit axis numbers). The recharts
 * drawing (grow 1) and the static funnel shown before it both take them from here, so that the plot keeps its
 * width and the labels their places when one replaces the other.
 */
export function funnelMarginLabels(
  {
    centre,
    target,
    format,
  }: { centre: number; target: number | null | undefined; format: (value: number) => string },
  grow = 1,
): { labels: LineLabel[]; fontSize: number; right: number } {
  const labels: LineLabel[] = [
    { value: centre, lines: ['Overall', format(centre)], colour: LINE_COLOURS.mean },
    ...(target === null || target === undefined
      ? []
      : [{ value: target, lines: ['Target', format(target)], colour: TARGET_TEXT_COLOUR }]),
  ];
  const fontSize = FUNNEL_LABEL_FONT_SIZE * grow;
  return { labels, fontSize, right: rightMarginFor(labels, fontSize, FUNNEL_MIN_RIGHT * grow) };
}

/** Placed labels as SVG text. */
export function MarginLabelsSvg({ placed, fontSize }: { placed: readonly PlacedLabel[]; fontSize: number }) {
  return (
    <g className="chart-margin-labels">
      {placed.map(({ x, baselines, textAnchor, label }) => (
        <text
          key={`${label.lines.join(' ')}-${label.value}`}
          x={x}
          y={baselines[0]}
          fontSize={fontSize}
          fill={label.colour}
          textAnchor={textAnchor}
        >
          {label.lines.map((line, index) => (
            <tspan key={line} x={x} y={baselines[index]}>
              {line}
            </tspan>
          ))}
        </text>
      ))}
    </g>
  );
}
