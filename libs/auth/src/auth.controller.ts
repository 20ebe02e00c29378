import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { User } from '@liaison/data';
import { ClientRequestId } from '@liaison/platform';
import { Public } from './decorators/public.decorator';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { TokenPairView } from './dto/token-pair.view';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { SignedInUser } from './decorators/signed-in-user.decorator';
import { TokenService } from './tokens/token.service';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly tokens: TokenService) {}

  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairView })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (the same answer for unknown accounts).' })
  @ApiTooManyRequestsResponse({ description: 'Locked for a while after repeated failures; see Retry-After.' })
  login(@SignedInUser() user: User, @ClientRequestId() clientRequestId: string | null): Promise<TokenPairView> {
    return this.tokens.issue(user, clientRequestId);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView, description: 'A new pair; the presented refresh token is spent.' })
  refresh(@Body() body: RefreshTokenDto, @ClientRequestId() clientRequestId: string | null): Promise<TokenPairView> {
    return this.tokens.rotate(body.refreshToken, clientRequestId);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOkResponse({ description: 'The refresh token and those rotated from it are revoked.' })
  async logout(@Body() body: RefreshTokenDto, @ClientRequestId() clientRequestId: string | null): Promise<void> {
    await this.tokens.revoke(body.refreshToken, clientRequestId);
  }
}
