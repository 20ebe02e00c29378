export { AgenciesModule } from './agencies.module';
export { AgenciesService } from './agencies.service';
export { AgencyView } from './dto/agency.view';
export { UserView } from './dto/user.view';
export { AgencyUsersService } from './users/agency-users.service';
export { TaskForcesService, taskForceStream } from './task-forces';
// the board's SQL, for its benchmark (test/bench/search/explain-board.ts)
export { boardSql, type BoardStatement } from './task-forces';
