export { AGE_BANDS, ageBandOf, type AgeBand } from './age-band';
export { SUPPRESSION_THRESHOLD, suppressCells, suppressCount, suppressNestedCells } from './suppression';
export { statisticsScopeOf, type StatisticsScope } from './statistics-scope';
export { monthBoundary, type WindowEnd } from './month-boundary';
