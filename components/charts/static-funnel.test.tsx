import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FunnelChartData } from './funnel-data';
import { StaticFunnel } from './static-funnel';

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
