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
import { UserSecurityController } from './users/user-security.controller';
import { UserSecurityService } from './users/user-security.service';

@Module({
  imports: [AuthModule, NotificationQueueModule, AuditModule, RequestsModule],
  controllers: [
    AgenciesController,
    AgencyUsersController,
    UserSecurityController,
    TaskForcesController,
    TaskForceMembersController,
    TaskForceRequestsController,
    TaskForceBoardController,
  ],
  providers: [
    AgenciesService,
    AgencyUsersService,
    UserSecurityService,
    TaskForcesService,
    TaskForceMembersService,
    TaskForceRequestsService,
    TaskForceBoardService,
  ],
  exports: [AgenciesService, AgencyUsersService, TaskForcesService],
})
export class AgenciesModule {}
