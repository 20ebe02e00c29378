import { Module } from '@nestjs/common';
import { AuthModule } from '@liaison/auth';
import { NotificationQueueModule } from '@liaison/notifications';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { AgencyUsersController } from './users/agency-users.controller';
import { AgencyUsersService } from './users/agency-users.service';

@Module({
  imports: [AuthModule, NotificationQueueModule],
  controllers: [AgenciesController, AgencyUsersController],
  providers: [AgenciesService, AgencyUsersService],
  exports: [AgenciesService, AgencyUsersService],
})
export class AgenciesModule {}
