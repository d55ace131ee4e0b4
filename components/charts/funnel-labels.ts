/*
 * Where to write each point's label on a chart so that no two labels overlap, nor a label cover another point:
 * a few places around the point, tried in a fixed order; a point with no free place is left unlabelled (the
 * table beside the chart says so). Deterministic: the same points always get the same places.
 */

/** A label's box in the drawing's units: left, top, width and height. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point to label, at its drawn position. */
export interface LabelledPoint {
  id: string;
  label: string;
  x: number;
  y: number;
}

export interface LabelPlacementOptions {
  /** The type size of the labels. */
  fontSize: number;
  /** Half the width of a point's mark: labels keep clear of every mark. */
  markRadius: number;
  /** Where labels may go (the drawing's area). */
  bounds: LabelBox;
}

/** The width of a character of the labels (numbers, in a sans-serif face), as a share of the type size. */
const CHARACTER_WIDTH = 0.62;

/** Whether two boxes overlap (touching edges do not). */
export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const isInside = (box: LabelBox, bounds: LabelBox) =>
  box.x >= bounds.x &&
  box.y >= bounds.y &&
  box.x + box.width <= bounds.x + bounds.width &&
  box.y + box.height <= bounds.y + bounds.height;

/**
 * Each point's label box, or null when every place around it would overlap a label already placed or another
 * point's mark, or leave the bounds. Points are labelled in the order given (the first keeps its first choice):
 * right of the point, then left, above, below, and the four corners.
 */
export function placePointLabels(
  points: readonly LabelledPoint[],
  { fontSize, markRadius, bounds }: LabelPlacementOptions,
): Map<string, LabelBox | null> {
  const gap = markRadius + fontSize * 0.15;
  const corner = gap * 0.75;
  const marks = points.map((point) => ({
    id: point.id,
    box: { x: point.x - markRadius, y: point.y - markRadius, width: markRadius * 2, height: markRadius * 2 },
  }));
  const placed: LabelBox[] = [];
  const result = new Map<string, LabelBox | null>();
  for (const point of points) {
    const width = Math.max(1, point.label.length) * fontSize * CHARACTER_WIDTH;
    const height = fontSize;
    const { x, y } = point;
    const candidates: LabelBox[] = [
      { x: x + gap, y: y - height / 2, width, height },
      { x: x - gap - width, y: y - height / 2, width, height },
      { x: x - width / 2, y: y - gap - height, width, height },
      { x: x - width / 2, y: y + gap, width, height },
      { x: x + corner, y: y - corner - height, width, height },
      { x: x + corner, y: y + corner, width, height },
      { x: x - corner - width, y: y - corner - height, width, height },
      { x: x - corner - width, y: y + corner, width, height },
    ];
    const free = candidates.find(
      (box) =>
        isInside(box, bounds) &&
        !placed.some((other) => boxesOverlap(box, other)) &&
        !marks.some((mark) => mark.id !== point.id && boxesOverlap(box, mark.box)),
    );
    if (free) placed.push(free);
    result.set(point.id, free ?? null);
  }
  return result;
}
