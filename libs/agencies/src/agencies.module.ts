import { Module } from '@nestjs/common';
import { MASTER_KEYRING_PROVIDER } from '@liaison/platform';
import { AuditModule } from '@liaison/audit';
import { AuthModule } from '@liaison/auth';
import { NotificationQueueModule } from '@liaison/notifications';
import { RequestsModule } from '@liaison/requests';
import { AccountLinks } from './accounts/account-links';
import { PasswordLinksController } from './accounts/password-links.controller';
import { PasswordLinksService } from './accounts/password-links.service';
import { UserPasswordResetController } from './accounts/user-password-reset.controller';
import { UserPasswordResetService } from './accounts/user-password-reset.service';
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
import { UserSecurityController } from './users/user-security.controller';
import { UserSecurityService } from './users/user-security.service';

@Module({
  imports: [AuthModule, NotificationQueueModule, AuditModule, RequestsModule],
  controllers: [
    AgenciesController,
    AgencyUsersController,
    RoleGrantsController,
    UserPasswordResetController,
    PasswordLinksController,
    UserSecurityController,
    TaskForcesController,
    TaskForceMembersController,
    TaskForceRequestsController,
    TaskForceBoardController,
  ],
  providers: [
    AgenciesService,
    AgencyUsersService,
    RoleGrantsService,
    MASTER_KEYRING_PROVIDER,
    AccountLinks,
    PasswordLinksService,
    UserPasswordResetService,
    UserSecurityService,
    TaskForcesService,
    TaskForceMembersService,
    TaskForceRequestsService,
    TaskForceBoardService,
  ],
  exports: [AgenciesService, AgencyUsersService, TaskForcesService],
})
export class AgenciesModule {}
