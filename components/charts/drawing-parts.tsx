'use client';

import { usePlotArea, useYAxisScale } from 'recharts';
import { type LineLabel, MarginLabelsSvg, placeRightLabels } from './margin-labels';

/*
 * Pieces shared by the charts' drawing modules. Like them it imports recharts, so only they may import it (see
 * code-splitting.test.ts): it is loaded with them, on demand.
 */

/** Reference lines' labels in the chart's right margin, beside their lines (see margin-labels.tsx). */
export function RightMarginLabels({ labels, fontSize }: { labels: readonly LineLabel[]; fontSize: number }) {
  const plot = usePlotArea();
  const scale = useYAxisScale();
  if (!plot || !scale) return null;
  return (
    <MarginLabelsSvg placed={placeRightLabels(labels, { plot, toY: scale, fontSize })} fontSize={fontSize} />
  );
}
