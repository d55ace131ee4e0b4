import { describe, expect, it } from 'vitest';
import { boxesOverlap, type LabelBox, placePointLabels } from './funnel-labels';

const options = { fontSize: 20, markRadius: 6, bounds: { x: 0, y: 0, width: 600, height: 400 } };
const point = (id: string, x: number, y: number) => ({ id, label: id, x, y });
const placed = (boxes: Map<string, LabelBox | null>) =>
  [...boxes.values()].filter((box): box is LabelBox => box !== null);

describe('placePointLabels', () => {
  it('writes a lone point’s label to its right, centred on it', () => {
    const boxes = placePointLabels([point('1', 100, 200)], options);
    const box = boxes.get('1');
    expect(box?.x).toBeGreaterThan(100 + options.markRadius);
    expect(box ? box.y + box.height / 2 : null).toBeCloseTo(200, 10);
  });

  it('moves the label of a close neighbour elsewhere, so that no two labels overlap', () => {
    // Two points side by side: the second's right-hand place is free, but the first's label would cover its mark.
    const points = [point('1', 100, 200), point('2', 118, 200), point('3', 100, 222), point('4', 118, 222)];
    const boxes = placePointLabels(points, options);
    const shown = placed(boxes);
    expect(shown).toHaveLength(4);
    for (const [index, box] of shown.entries())
      for (const other of shown.slice(index + 1)) expect(boxesOverlap(box, other)).toBe(false);
    // Nor does a label cover another point.
    for (const [id, box] of boxes)
      for (const other of points.filter((candidate) => candidate.id !== id))
        expect(
          box &&
            boxesOverlap(box, {
              x: other.x - options.markRadius,
              y: other.y - options.markRadius,
              width: options.markRadius * 2,
              height: options.markRadius * 2,
            }),
        ).toBe(false);
    expect(boxes.get('1')).not.toEqual(boxes.get('2'));
  });

  it('leaves a label out when every place around its point is taken, and says so with null', () => {
    // Twelve points on one spot: right, left, above and below it are free once; the corners would overlap those.
    const points = Array.from({ length: 12 }, (_, index) => point(String(index + 1), 300, 200));
    const boxes = placePointLabels(points, options);
    expect(placed(boxes)).toHaveLength(4);
    expect([...boxes].filter(([, box]) => box === null).map(([id]) => id)).toEqual([
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
  });

  it('keeps labels inside the bounds: a point at the right edge is labelled on its left', () => {
    const box = placePointLabels([point('7', 595, 200)], options).get('7');
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(595);
  });

  it('places the same points the same way every time', () => {
    const points = Array.from({ length: 20 }, (_, index) =>
      point(String(index + 1), 200 + (index % 5) * 9, 150 + Math.floor(index / 5) * 11),
    );
    expect(placePointLabels(points, options)).toEqual(placePointLabels(points, options));
  });
});
