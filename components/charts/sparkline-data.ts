/** An SVG path through the values (gaps where a value is missing), scaled into the box with 2px padding. */
export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
): string | null {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length < 2) return null;
  const low = Math.min(...present);
  const high = Math.max(...present);
  const span = high - low || 1;
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  let path = '';
  let isDrawing = false;
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      isDrawing = false;
      return;
    }
    const x = 2 + index * step;
    const y = height - 2 - ((value - low) / span) * (height - 4);
    path += `${isDrawing ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    isDrawing = true;
  });
  return path;
}
