import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { runSql } from '@liaison/data';
import { steppedUp, type Actor, type Role } from '@liaison/domain';
import { STEP_UP, type StepUpOptions } from '@liaison/platform';
import { stepUpRequired } from '../auth-problems';
import { SignInFlow } from '../sign-in/sign-in-flow';
import { stepUpStateSql } from './step-up.sql';

interface StepUpState {
  roles: Role[];
  platformAdmin: boolean;
  secondFactorExempt: boolean;
  secondFactorAt: Date | null;
}

/**
 * Global guard: a route marked @StepUp needs the session's second factor checked within the last five minutes, as
 * recorded on the server (sign-in or POST /v1/auth/step-up), never as the token or the client claims.
 */
@Injectable()
export class StepUpGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly em: EntityManager,
    private readonly signIn: SignInFlow,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.getAllAndOverride<StepUpOptions | undefined>(STEP_UP, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!options) return true;
    const request = context.switchToHttp().getRequest<{ user?: Actor; body?: unknown }>();
    if (options.whenBodyHas && !hasField(request.body, options.whenBodyHas)) return true;
    const actor = request.user;
    if (!actor) throw stepUpRequired();
    const [state] = await runSql<StepUpState>(this.em, stepUpStateSql(actor.userId, actor.sessionId ?? null));
    if (state && !this.signIn.secondFactorDue(state)) return true;
    if (state && steppedUp(state.secondFactorAt && new Date(state.secondFactorAt), new Date())) return true;
    throw stepUpRequired();
  }
}

function hasField(body: unknown, field: string): boolean {
  return typeof body === 'object' && body !== null && Object.hasOwn(body, field);
}
