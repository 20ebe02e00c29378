export { AGE_BANDS, ageBandOf, type AgeBand } from './age-band';
export {
  SUPPRESSION_THRESHOLD,
  isSmallCount,
  suppressCells,
  suppressCount,
  suppressNestedCells,
  type PublishedCell,
  type PublishedCount,
} from './suppression';
export { statisticsScopeOf, type StatisticsScope } from './statistics-scope';
