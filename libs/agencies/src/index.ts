export { AgenciesModule } from './agencies.module';
export { AgenciesService } from './agencies.service';
export { AgencyDto } from './dto/agency.dto';
export { UserDto } from './dto/user.dto';
export { AgencyUsersService } from './users/agency-users.service';
export { TaskForcesService, taskForceStream } from './task-forces';
// the board's SQL, for its benchmark (test/bench/search/explain-board.ts)
export { boardSql } from './task-forces';
