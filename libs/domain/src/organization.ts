/** Kinds of organization (领域), from docs/domain.md. */
export const ORG_DOMAINS = [
  'rural',
  'state_owned_enterprise',
  'non_public_enterprise',
  'community',
  'agency',
  'school',
  'hospital',
  'social_organization',
] as const;
export type OrgDomain = (typeof ORG_DOMAINS)[number];

export const ORG_DOMAIN_LABELS: Record<OrgDomain, string> = {
  rural: '农村',
  state_owned_enterprise: '国有企业',
  non_public_enterprise: '非公企业',
  community: '社区',
  agency: '机关',
  school: '学校',
  hospital: '医院',
  social_organization: '社会组织',
};

export function isOrgDomain(value: unknown): value is OrgDomain {
  return typeof value === 'string' && (ORG_DOMAINS as readonly string[]).includes(value);
}

export interface Person {
  personId: string;
  name: string;
}

export interface Organization {
  /** Unified code of the Party organization; with the campaign it names the case. */
  code: string;
  name: string;
  domain: OrgDomain;
  county: string;
  /** 乡镇 or, for enterprises and agencies, the owning sector committee (机关工委, 非公党工委 …). */
  township: string;
  /** 重点村、难点村: taken over directly by the township Party secretary (County speech). */
  isKeyVillage: boolean;
  /** 支部书记: drafts the plan, reports progress, answers for overdue work. */
  secretary: Person;
}

/** How the organization came onto the list (摸排确定). */
export const IDENTIFICATION_SOURCES = ['screening', 'inspection', 'petition', 'rollover'] as const;
export type IdentificationSource = (typeof IDENTIFICATION_SOURCES)[number];
export const IDENTIFICATION_SOURCE_LABELS: Record<IdentificationSource, string> = {
  screening: '拉网式排查',
  inspection: '巡察发现',
  petition: '信访反映',
  rollover: '上轮回头看滚动',
};

/** Whom an organization's publicity addresses: an enterprise's staff (党员职工), elsewhere the public (党员群众). */
export interface PublicAudience {
  /** 党员群众 / 党员职工: who supervises the rectification. */
  members: string;
  /** 群众 / 职工: who raises objections and rates it. */
  people: string;
}

export function publicAudienceOf(domain: OrgDomain): PublicAudience {
  return domain === 'state_owned_enterprise' || domain === 'non_public_enterprise' ? { members: '党员职工', people: '职工' } : { members: '党员群众', people: '群众' };
}
