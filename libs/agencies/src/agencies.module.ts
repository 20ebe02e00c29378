import { Module } from '@nestjs/common';
import { AuditModule } from '@liaison/audit';
import { AuthModule } from '@liaison/auth';
import { NotificationQueueModule } from '@liaison/notifications';
import { RequestsModule } from '@liaison/requests';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import {
  TaskForceBoardController,
  TaskForceBoardService,
  TaskForceMembersController,
  TaskForceMembersService,
  TaskForceRequestsController,
  TaskForceRequestsService,
  TaskForcesController,
  TaskForcesService,
} from './task-forces';
import { AgencyUsersController } from './users/agency-users.controller';
import { AgencyUsersService } from './users/agency-users.service';
import { RoleGrantsController } from './users/role-grants.controller';
import { RoleGrantsService } from './users/role-grants.service';

@Module({
  imports: [AuthModule, NotificationQueueModule, AuditModule, RequestsModule],
  controllers: [
    AgenciesController,
    AgencyUsersController,
    RoleGrantsController,
    TaskForcesController,
    TaskForceMembersController,
    TaskForceRequestsController,
    TaskForceBoardController,
  ],
  providers: [
    AgenciesService,
    AgencyUsersService,
    RoleGrantsService,
    TaskForcesService,
    TaskForceMembersService,
    TaskForceRequestsService,
    TaskForceBoardService,
  ],
  exports: [AgenciesService, AgencyUsersService, TaskForcesService],
})
export class AgenciesModule {}
