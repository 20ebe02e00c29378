import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { validateBody } from '@liaison/platform';
import { LoginDto } from '../dto/login.dto';

/** passport-local for sign-in; the body is validated first (guards run before pipes) so bad input is a 400. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    validateBody(LoginDto, context.switchToHttp().getRequest<{ body: unknown }>().body);
    return super.canActivate(context);
  }
}
