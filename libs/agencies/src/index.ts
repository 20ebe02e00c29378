export { AgenciesModule } from './agencies.module';
// the board's SQL, for its benchmark (test/bench/search/explain-board.ts)
export { boardSql } from './task-forces';
