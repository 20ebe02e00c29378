import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { CallerContext } from '@liaison/domain';
import { Caller } from '@liaison/platform';
import { ChangePasswordDto } from '../dto/change-password.dto';
import { OwnPasswordService } from './own-password.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me/password')
export class OwnPasswordController {
  constructor(private readonly passwords: OwnPasswordService) {}

  @Post()
  @HttpCode(204)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiNoContentResponse({ description: 'Changed; every other session of the caller has ended, this one goes on.' })
  @ApiBadRequestResponse({ description: 'The current password is wrong, or the new one breaks a rule (named field).' })
  async change(@Caller() caller: CallerContext, @Body() body: ChangePasswordDto): Promise<void> {
    await this.passwords.change(caller, body);
  }
}
