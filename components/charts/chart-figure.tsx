import { type ReactNode, Suspense } from 'react';
import { DeferredChart } from './deferred-chart';

/** The test id of a page's main chart: drawn at once, while the page's other charts wait their turn. */
export const MAIN_CHART_TEST_ID = 'main-chart';

interface ChartFigureProps {
  /** What the chart shows, read out instead of the drawing. */
  label: string;
  /** A sentence under the chart saying how to read it (period, limits, target). */
  caption?: ReactNode;
  /** The same data as a table: the accessible (and exportable) alternative. */
  table: ReactNode;
  children: ReactNode;
  testId?: string;
  /** Shown under the chart, e.g. the data's download buttons. */
  actions?: ReactNode;
  /** The drawing's height in pixels (kept while a chart other than the main one waits to be drawn). */
  height: number;
  /**
   * What a main chart shows until the browser has drawn it (e.g. the same chart as plain SVG from the server), so
   * that it is on screen with the page's HTML.
   */
  placeholder?: ReactNode;
}

/**
 * A chart with its label, caption and a table alternative in a closed <details>. The page's main chart is drawn
 * at once; any other waits until it is near the viewport or the browser is idle (DeferredChart).
 */
export function ChartFigure({
  label,
  caption,
  table,
  children,
  testId,
  actions,
  height,
  placeholder,
}: ChartFigureProps) {
  // The drawing's code (recharts) is loaded on demand: until it has arrived, the placeholder (or an empty box of
  // the chart's height) stays on screen.
  const drawing = <Suspense fallback={placeholder ?? <div style={{ height }} />}>{children}</Suspense>;
  return (
    <figure className="chart-figure mb-6" data-testid={testId}>
      <div role="img" aria-label={label} className="w-full">
        {testId === MAIN_CHART_TEST_ID ? (
          placeholder ? (
            <DeferredChart height={height} placeholder={placeholder} isUrgent>
              {drawing}
            </DeferredChart>
          ) : (
            drawing
          )
        ) : (
          <DeferredChart height={height}>{drawing}</DeferredChart>
        )}
      </div>
      {caption && <figcaption className="mt-2 max-w-4xl text-base text-nhs-dark-grey">{caption}</figcaption>}
      {actions && <div className="mt-3">{actions}</div>}
      <details className="chart-table mt-3">
        <summary className="cursor-pointer text-nhs-blue underline">Show the data as a table</summary>
        <div className="mt-3 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}

/** A plain data table for chart alternatives. */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}) {
  return (
    <table className="w-full border-collapse text-left text-base">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b-2 border-nhs-dark-grey">
        <tr>
          {columns.map((column, index) => (
            <th key={column} scope="col" className={`px-2 py-2 ${index > 0 ? 'text-right' : ''}`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for one render
          <tr key={rowIndex} className="border-b border-nhs-mid-grey">
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={columns[index]} scope="row" className="px-2 py-1 font-normal">
                  {cell}
                </th>
              ) : (
                <td key={columns[index]} className="px-2 py-1 text-right tabular-nums">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
