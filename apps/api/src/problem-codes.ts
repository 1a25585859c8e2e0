/**
 * Every error code the API answers with and its HTTP status: the status tables of the domain, the
 * libraries, the API's core and its modules, merged once here (at the application's level, so that
 * core/ needs no import from modules/). A code missing from its table does not compile; a code that
 * reaches the filter without a status anyway is answered 500 and logged as a bug.
 */
import { CAMPAIGNS_EXCEPTION_STATUS } from '@zhengdun/campaigns';
import { RULE_CODE_STATUS } from '@zhengdun/domain';
import { CASE_EXCEPTION_STATUS } from '@zhengdun/temporal';
import { ACCESS_EXCEPTION_STATUS } from './core/auth/access.exception';
import { AUTH_EXCEPTION_STATUS } from './core/auth/auth.exception';
import { mergeStatusTables } from './core/errors/problem';
import { REQUEST_VALIDATION_EXCEPTION_STATUS } from './core/errors/request-validation.exception';
import { MEDIA_TYPE_EXCEPTION_STATUS } from './core/http/media-type.exception';
import { IDEMPOTENCY_EXCEPTION_STATUS } from './core/idempotency/idempotency.exception';
import { WORKFLOW_UNAVAILABLE_EXCEPTION_STATUS } from './core/infrastructure/workflow-unavailable.exception';
import { CAMPAIGN_REQUEST_EXCEPTION_STATUS } from './modules/campaigns/campaign-request.exception';
import { NOTIFICATIONS_EXCEPTION_STATUS } from './modules/notifications/notifications.exception';
import { PUBLIC_CASE_EXCEPTION_STATUS } from './modules/public/public-cases.exception';

/** Each table by the name of its module's error, for the merge's message and the mapping spec. */
export const STATUS_TABLES = {
  RuleViolation: RULE_CODE_STATUS,
  CaseException: CASE_EXCEPTION_STATUS,
  CampaignsException: CAMPAIGNS_EXCEPTION_STATUS,
  AccessException: ACCESS_EXCEPTION_STATUS,
  AuthException: AUTH_EXCEPTION_STATUS,
  RequestValidationException: REQUEST_VALIDATION_EXCEPTION_STATUS,
  MediaTypeException: MEDIA_TYPE_EXCEPTION_STATUS,
  IdempotencyException: IDEMPOTENCY_EXCEPTION_STATUS,
  WorkflowUnavailableException: WORKFLOW_UNAVAILABLE_EXCEPTION_STATUS,
  CampaignRequestException: CAMPAIGN_REQUEST_EXCEPTION_STATUS,
  NotificationsException: NOTIFICATIONS_EXCEPTION_STATUS,
  PublicCaseException: PUBLIC_CASE_EXCEPTION_STATUS,
} as const;

export const API_PROBLEM_CODES = mergeStatusTables(STATUS_TABLES);
