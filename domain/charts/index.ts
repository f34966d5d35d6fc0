export * from './build-series';
export * from './chart-series';
export * from './derived';
export { renderChartSvg, renderChartSvgs, renderSpecToSvg } from './render-svg';
