import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FunnelChartData } from './funnel-data';
import { boxesOverlap } from './funnel-labels';
import { StaticFunnel, staticFunnelLabels } from './static-funnel';

describe('StaticFunnel', () => {
  it('draws every unit (outliers as diamonds), the four limits, the overall line and the target as SVG', () => {
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
