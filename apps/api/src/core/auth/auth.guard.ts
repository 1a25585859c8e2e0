import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleMayTake, type CaseActionType, type UserRole } from '@zhengdun/domain';
import { AuditRecorder } from '../audit/audit-recorder';
import { CASE_ID } from '../http/patterns';
import { AccessException } from './access.exception';
import type { ApiRequest } from './api-request';
import { CASE_ACTION, IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthException } from './auth.exception';
import { bearerToken, TokenVerifier } from './token-verifier.service';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). Builds the Actor
 * from the token and refuses a role the route (or the case action, per ACTION_RULES) does not allow.
 * Scope is checked where the case is known, in the services; the workflow checks both again.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly audit: AuditRecorder,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw request.headers.authorization ? AuthException.invalid('not a bearer token') : AuthException.missing();
    const actor = await this.verifier.verify(token);
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw AccessException.role(actor, roles, '访问该功能', `call ${request.method} ${request.route?.path ?? request.path}`);
    }
    const action = this.reflector.get<CaseActionType | undefined>(CASE_ACTION, context.getHandler());
    if (action && !roleMayTake(actor.role, action)) {
      const param = request.params?.caseId;
      const caseId = typeof param === 'string' && CASE_ID.test(param) ? param : null;
      await this.audit.record(actor, caseId, action, request.body ?? null, 'refused:role_not_permitted');
      throw AccessException.roleForAction(actor, action);
    }
    return true;
  }
}
