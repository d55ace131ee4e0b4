/**
 * Every chart's drawing with recharts, in one module that the chart wrappers load on demand (React.lazy) when a
 * chart is first drawn: recharts stays out of the code a page needs before it is interactive, and comes as one
 * chunk group, so that the parts of recharts that several charts use are not sent once per chart.
 */
export { DistributionPlotDrawing } from './distribution-plot-drawing';
export { FunnelPlotDrawing } from './funnel-plot-drawing';
export { LostSessionsBarDrawing } from './lost-sessions-bar-drawing';
export { OpportunityWaterfallDrawing } from './opportunity-waterfall-drawing';
export { SpcChartDrawing } from './spc-chart-drawing';
export { WorkloadChartDrawing } from './workload-chart-drawing';
