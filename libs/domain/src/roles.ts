import type { Organization } from './organization';

/** The roles a signed-in user can hold (docs/domain.md "Who uses it"). */
export const USER_ROLES = [
  'county_department',
  'township_committee',
  'assigned_leader',
  'branch_secretary',
  'auditor',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_ROLE_LABELS: Record<UserRole, string> = {
  county_department: '县委组织部',
  township_committee: '乡镇（街道）党（工）委',
  assigned_leader: '包抓责任人',
  branch_secretary: '支部书记',
  auditor: '督查人员（只读）',
};

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

/** What part of the county a user sees and acts on. */
export type Scope =
  | { level: 'county'; county: string }
  | { level: 'township'; county: string; township: string }
  | { level: 'organization'; county: string; orgCode: string };

/** A person acting, as the workflow records it in the history and the audit trail. */
export interface Actor {
  userId: string;
  name: string;
  role: UserRole;
  scope: Scope;
}

/** The one actor that is not a person: durable timers and the public's signals. */
export const SYSTEM_ACTOR_ID = 'system';

export function isInScope(scope: Scope, org: Pick<Organization, 'county' | 'township' | 'code'>): boolean {
  if (scope.county !== org.county) return false;
  switch (scope.level) {
    case 'county':
      return true;
    case 'township':
      return scope.township === org.township;
    case 'organization':
      return scope.orgCode === org.code;
  }
}

export function describeScope(scope: Scope): string {
  switch (scope.level) {
    case 'county':
      return `${scope.county}全县`;
    case 'township':
      return `${scope.county}${scope.township}`;
    case 'organization':
      return `组织 ${scope.orgCode}`;
  }
}
