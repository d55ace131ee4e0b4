import { LINE_COLOURS } from './palette';
import { sparklinePath } from './sparkline-data';

/** A tiny trend line as plain SVG (no JavaScript needed), hidden from assistive technology: the tile's numbers and
 * SPC icons say what it shows. */
export function Sparkline({
  values,
  width = 160,
  height = 36,
}: {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
}) {
  const path = sparklinePath(values, width, height);
  if (!path) return null;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      className="sparkline"
    >
      <path d={path} fill="none" stroke={LINE_COLOURS.series} strokeWidth="2" />
    </svg>
  );
}
