export { TaskForceBoardController } from './board/task-force-board.controller';
export { TaskForceBoardService } from './board/task-force-board.service';
export { boardSql, type BoardStatement } from './board/board-sql';
export { TaskForceMembersController } from './members/task-force-members.controller';
export { TaskForceMembersService } from './members/task-force-members.service';
export { TaskForceRequestsController } from './requests/task-force-requests.controller';
export { TaskForceRequestsService } from './requests/task-force-requests.service';
export { TaskForcesController } from './task-forces.controller';
export { TaskForcesService } from './task-forces.service';
