import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, CaseActionType, UserRole } from '@zhengdun/domain';
import type { ApiRequest } from './api-request';

export const IS_PUBLIC = 'zhengdun:isPublic';
export const ROLES = 'zhengdun:roles';
export const CASE_ACTION = 'zhengdun:caseAction';

/** No login needed (the public's pages, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

/** The route takes this case action: only the roles ACTION_RULES names may call it. */
export const TakesCaseAction = (action: CaseActionType) => SetMetadata(CASE_ACTION, action);

/** The signed-in user, as the auth guard built it from the token. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<ApiRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
