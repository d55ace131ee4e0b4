import { useId } from 'react';
import { formatMetricValue, formatTick } from './format-value';
import { type FunnelChartData, funnelXAxis, funnelYAxis } from './funnel-data';
import { type LabelBox, placePointLabels } from './funnel-labels';
import { funnelMarginLabels, MarginLabelsSvg, placeRightLabels, rightLabelsX } from './margin-labels';
import { LINE_COLOURS, SPC_COLOURS } from './palette';

const WIDTH = 800;
/**
 * The margins for 13-unit type; they grow with the type size. The right one is the interactive drawing's, sized
 * for the overall and target lines' labels (funnelMarginLabels), so that the plot keeps its width when the
 * recharts drawing replaces this one.
 */
const MARGIN = { top: 10, bottom: 44, left: 74 };
const BASE_FONT_SIZE = 13;

/** How a static funnel is drawn: its size in its own units and its type size. */
export interface StaticFunnelDrawing {
  height: number;
  target: number | null;
  /** The drawing's width in its own units (the type is sized in them). */
  width?: number;
  fontSize?: number;
  /**
   * How the overall and target values are written beside their lines, in the right margin (whose width depends on
   * them): by default as percentages, as the funnel's proportions are. StaticFunnel's `format`.
   */
  format?: (value: number) => string;
}

const asPercentage = (value: number) => formatMetricValue('ratio', value);

/** The plot's margins and scales for a drawing of `data`: the same for the chart and for its labels' places. */
function funnelLayout(
  data: FunnelChartData,
  { height, target, width = WIDTH, fontSize = BASE_FONT_SIZE, format = asPercentage }: StaticFunnelDrawing,
) {
  const grow = fontSize / BASE_FONT_SIZE;
  const lineLabels = funnelMarginLabels({ centre: data.centre, target, format }, grow);
  const margin = {
    top: MARGIN.top * grow,
    right: lineLabels.right,
    bottom: MARGIN.bottom * grow,
    left: MARGIN.left * grow,
  };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const xAxis = funnelXAxis(data);
  const xMax = xAxis.max;
  // The interactive drawing's y axis (round ticks around the points and the limits beside them), so the two agree.
  const yAxis = funnelYAxis(data, target);
  const [yLow, yHigh] = yAxis.domain;
  const x = (value: number) => margin.left + (value / xMax) * plotWidth;
  const y = (value: number) => margin.top + (1 - (value - yLow) / (yHigh - yLow)) * plotHeight;
  const plot = { x: margin.left, y: margin.top, width: plotWidth, height: plotHeight };
  // The overall and target lines' labels, in the right margin where the interactive drawing writes them.
  const placedLineLabels = placeRightLabels(lineLabels.labels, {
    plot,
    toY: y,
    fontSize: lineLabels.fontSize,
  });
  return {
    width,
    height,
    fontSize,
    grow,
    margin,
    plot,
    plotWidth,
    plotHeight,
    xMax,
    /** Round numbers of sessions, from 0 to at most the axis' end. */
    xTicks: xAxis.ticks,
    yTicks: yAxis.ticks,
    x,
    y,
    lineLabels: { placed: placedLineLabels, fontSize: lineLabels.fontSize },
    /** Where the lines' labels begin: points' labels stay left of it. */
    lineLabelsX: rightLabelsX(plot, lineLabels.fontSize),
  };
}

/**
 * Where each point's label goes on the drawing (by point id), or null for a point too close to others to be
 * labelled without overlapping: those are for the table beside the chart to mention.
 */
export function staticFunnelLabels(
  data: FunnelChartData,
  drawing: StaticFunnelDrawing,
): Map<string, LabelBox | null> {
  const layout = funnelLayout(data, drawing);
  return placePointLabels(
    data.points.map((point) => ({
      id: point.id,
      label: point.label,
      x: layout.x(point.x),
      y: layout.y(point.y),
    })),
    {
      fontSize: layout.fontSize,
      markRadius: 7 * layout.grow,
      // Clear of the axes' numbers and of the lines' labels: the plot, the margin above it and the right margin's
      // strip before the lines' labels.
      bounds: {
        x: layout.margin.left,
        y: 0,
        width: layout.lineLabelsX - layout.margin.left,
        height: layout.margin.top + layout.plotHeight,
      },
    },
  );
}

/**
 * The funnel plot drawn as plain SVG on the server, so that it is on screen with the page's HTML; the interactive
 * chart (tooltips) replaces it once the browser has drawn it. Same marks: points (outliers as diamonds), 95%
 * (dashed) and 99.8% (solid) limits, the overall line and the target, these two labelled in the same right margin
 * (so that the plot does not move at the swap). `fontSize` (in units of the 800-wide drawing) enlarges the type
 * and margins for a projector; `isLabelled` writes each point's label beside it where it overlaps no other label,
 * point or line label (staticFunnelLabels says which are left out).
 */
export function StaticFunnel({
  data,
  height,
  target,
  format,
  formatX,
  xLabel,
  width = WIDTH,
  fontSize = BASE_FONT_SIZE,
  isLabelled = false,
}: StaticFunnelDrawing & {
  data: FunnelChartData;
  /** How the y axis' numbers and the overall and target values are written. */
  format: (value: number) => string;
  formatX: (value: number) => string;
  xLabel: string;
  isLabelled?: boolean;
}) {
  const drawing = { height, target, width, fontSize, format };
  const { grow, margin, plotWidth, plotHeight, xTicks, yTicks, x, y, lineLabels } = funnelLayout(
    data,
    drawing,
  );
  const labels = isLabelled ? staticFunnelLabels(data, drawing) : null;
  const path = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998') =>
    data.curve
      .filter((row) => Number.isFinite(row[key]))
      .map((row, index) => `${index === 0 ? 'M' : 'L'}${x(row.x).toFixed(1)},${y(row[key]).toFixed(1)}`)
      .join('');
  const clipId = `static-funnel-${useId()}`;
  return (
    <svg
      className="static-funnel"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      preserveAspectRatio="xMinYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={margin.left} y={margin.top} width={plotWidth} height={plotHeight} />
        </clipPath>
      </defs>
      {yTicks.map((tick) => (
        <g key={`y${tick}`}>
          <line x1={margin.left} x2={margin.left + plotWidth} y1={y(tick)} y2={y(tick)} stroke="#e8edee" />
          <text
            x={margin.left - 8 * grow}
            y={y(tick) + fontSize * 0.3}
            textAnchor="end"
            fontSize={fontSize}
            fill="#212b32"
          >
            {formatTick(format(tick))}
          </text>
        </g>
      ))}
      {xTicks.map((tick) => (
        <text
          key={`x${tick}`}
          x={x(tick)}
          y={margin.top + plotHeight + fontSize * 1.4}
          textAnchor="middle"
          fontSize={fontSize}
          fill="#212b32"
        >
          {formatX(tick)}
        </text>
      ))}
      <text
        x={margin.left + plotWidth / 2}
        y={height - 6 * grow}
        textAnchor="middle"
        fontSize={fontSize}
        fill="#212b32"
      >
        {xLabel}
      </text>
      <g clipPath={`url(#${clipId})`} fill="none">
        <path d={path('upper998')} stroke={LINE_COLOURS.limit} />
        <path d={path('lower998')} stroke={LINE_COLOURS.limit} />
        <path d={path('upper95')} stroke={LINE_COLOURS.limit} strokeDasharray="5 4" />
        <path d={path('lower95')} stroke={LINE_COLOURS.limit} strokeDasharray="5 4" />
        <line
          x1={margin.left}
          x2={margin.left + plotWidth}
          y1={y(data.centre)}
          y2={y(data.centre)}
          stroke={LINE_COLOURS.mean}
        />
        {target !== null && (
          <line
            x1={margin.left}
            x2={margin.left + plotWidth}
            y1={y(target)}
            y2={y(target)}
            stroke={LINE_COLOURS.target}
            strokeWidth={2}
            strokeDasharray="10 4"
          />
        )}
      </g>
      {data.points.map((point) => {
        const cx = x(point.x);
        const cy = y(point.y);
        const size = 7 * grow;
        const labelBox = labels?.get(point.id) ?? null;
        return (
          <g key={point.id}>
            {point.outlier ? (
              <path
                d={`M${cx},${cy - size}L${cx + size},${cy}L${cx},${cy + size}L${cx - size},${cy}Z`}
                fill={SPC_COLOURS.neutral}
                stroke="#212b32"
              />
            ) : (
              <circle cx={cx} cy={cy} r={4.5 * grow} fill={SPC_COLOURS.improvement} stroke="#fff" />
            )}
            {labelBox && (
              <text x={labelBox.x} y={labelBox.y + labelBox.height * 0.82} fontSize={fontSize} fill="#212b32">
                {point.label}
              </text>
            )}
          </g>
        );
      })}
      <MarginLabelsSvg placed={lineLabels.placed} fontSize={lineLabels.fontSize} />
    </svg>
  );
}
