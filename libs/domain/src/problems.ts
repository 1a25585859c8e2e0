import type { ActorRef } from './case-state';
import { ORG_DOMAIN_LABELS, type OrgDomain } from './organization';
import { violation, type RuleViolation } from './rule-violation';

/**
 * Problem taxonomy. The 13 general items of the Inspection findings speech apply to every domain; the rural and
 * enterprise items are the typical problems docs/domain.md lists for those domains (County speech, Key tasks 2020).
 */
export const PROBLEM_CATEGORIES = {
  responsibility_not_carried_out: '党建工作责任落实不到位',
  not_a_bastion: '党组织战斗堡垒作用发挥不明显',
  study_on_paper_only: '政治理论学习流于形式',
  reelection_overdue: '换届不及时',
  lax_inner_party_life: '党内政治生活不严肃',
  lax_member_management: '党员教育管理不严格',
  irregular_dues: '党费收缴不规范',
  poor_new_member_quality: '发展党员质量不高',
  weak_inner_party_supervision: '党内监督乏力',
  anti_corruption_duty_lapsed: '党风廉政建设责任落实不到位',
  work_style_unchanged: '作风转变不明显',
  members_not_exemplary: '党员先锋模范作用发挥不够',
  party_work_not_integrated: '党建与业务工作结合不紧',
  cadre_criminal_record: '村干部有违法犯罪记录',
  village_bully_or_crime_links: '村霸、涉黑涉恶问题',
  criminal_or_religious_interference: '宗族、宗教或黑恶势力干扰',
  petitions_and_conflicts: '信访矛盾突出',
  secretary_incompetent: '书记不胜任、不尽职',
  leadership_incomplete: '班子配备不齐',
  irregular_organizational_life: '组织生活不规范',
  two_skins: '党建与生产经营“两张皮”',
  joint_branch_nominal: '联合党支部流于形式',
  activities_infrequent: '党内活动不经常',
  weak_coverage: '组织覆盖薄弱',
  other: '其他',
} as const;

export type ProblemCategory = keyof typeof PROBLEM_CATEGORIES;

export function isProblemCategory(value: unknown): value is ProblemCategory {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PROBLEM_CATEGORIES, value);
}

/** The 13 items of seed 003 that apply to every domain. */
const GENERAL_CATEGORIES: readonly ProblemCategory[] = [
  'responsibility_not_carried_out',
  'not_a_bastion',
  'study_on_paper_only',
  'reelection_overdue',
  'lax_inner_party_life',
  'lax_member_management',
  'irregular_dues',
  'poor_new_member_quality',
  'weak_inner_party_supervision',
  'anti_corruption_duty_lapsed',
  'work_style_unchanged',
  'members_not_exemplary',
  'party_work_not_integrated',
];

/** Each domain's typical problems (docs/domain.md, seeds 000 and 002), offered first for that domain. */
const TYPICAL_CATEGORIES: Record<OrgDomain, readonly ProblemCategory[]> = {
  rural: ['cadre_criminal_record', 'village_bully_or_crime_links', 'criminal_or_religious_interference', 'petitions_and_conflicts', 'secretary_incompetent'],
  state_owned_enterprise: ['leadership_incomplete', 'irregular_organizational_life', 'two_skins'],
  non_public_enterprise: ['joint_branch_nominal', 'leadership_incomplete', 'activities_infrequent'],
  community: ['weak_coverage'],
  agency: ['weak_coverage'],
  school: ['weak_coverage'],
  hospital: ['weak_coverage'],
  social_organization: ['weak_coverage'],
};

/**
 * Categories that only make sense for some domains: 村霸 and a village cadre's record belong to a
 * village, 两张皮 (Party work apart from production) to an enterprise, a nominal joint branch to the
 * firms and bodies that share one. Every other category can happen anywhere (an incomplete
 * leadership team, a secretary not up to the job).
 */
const ONLY_IN: Partial<Record<ProblemCategory, readonly OrgDomain[]>> = {
  cadre_criminal_record: ['rural'],
  village_bully_or_crime_links: ['rural'],
  criminal_or_religious_interference: ['rural', 'community'],
  petitions_and_conflicts: ['rural', 'community'],
  two_skins: ['state_owned_enterprise', 'non_public_enterprise'],
  joint_branch_nominal: ['non_public_enterprise', 'social_organization'],
};

function fitsDomain(domain: OrgDomain, category: ProblemCategory): boolean {
  return ONLY_IN[category]?.includes(domain) ?? true;
}

/** The domains a category is limited to, in words (仅适用于：农村、社区), or undefined when it fits every domain. */
export function categoryLimitText(category: ProblemCategory): string | undefined {
  const domains = ONLY_IN[category];
  return domains ? `仅适用于：${domains.map((domain) => ORG_DOMAIN_LABELS[domain]).join('、')}` : undefined;
}

/** The categories an organization of this domain may be recorded with: its typical ones first, then the 13 general ones, then the rest that fit, 其他 last. */
export function problemCategoriesFor(domain: OrgDomain): ProblemCategory[] {
  const ordered = new Set<ProblemCategory>([...TYPICAL_CATEGORIES[domain], ...GENERAL_CATEGORIES, ...(Object.keys(PROBLEM_CATEGORIES) as ProblemCategory[])]);
  ordered.delete('other');
  return [...ordered, 'other' as const].filter((category) => fitsDomain(domain, category));
}

/** Refuses the first problem whose category does not fit the organization's domain, by its number in the list. */
export function categoryRefusal(domain: OrgDomain, problems: readonly { category: ProblemCategory }[], field = 'problems'): RuleViolation | undefined {
  const index = problems.findIndex((problem) => isProblemCategory(problem.category) && !fitsDomain(domain, problem.category));
  if (index < 0) return undefined;
  const { category } = problems[index];
  return violation(
    'category_not_for_domain',
    `第${index + 1}个问题的类别“${PROBLEM_CATEGORIES[category] ?? category}”不适用于${ORG_DOMAIN_LABELS[domain]}党组织`,
    `problem ${index + 1}: category ${category} does not apply to domain ${domain}`,
    { field: `${field}[${index}].category`, allowed: problemCategoriesFor(domain) },
  );
}

export interface ProblemInput {
  category: ProblemCategory;
  description: string;
}

export type ProblemStatus = 'open' | 'resolved' | 'rebounded';

export interface Problem extends ProblemInput {
  id: string;
  /** The rectification round in which the problem was found or carried over. */
  round: number;
  /** Set when the problem came from an earlier case (滚动整顿). */
  carriedFrom?: string;
  /** The round in which 回头看 found this problem back again (旧问题反弹). */
  reboundedInRound?: number;
  /**
   * 限期整改: a failed 初验 or 验收, or an upheld objection, named this problem as not resolved. It is
   * open again until measures added for it (`measureIds`) are approved by the township committee
   * (`amendedAt`) and done.
   */
  reopened?: ProblemReopening;
  /** 深挖问题根源 (seed 000): why the problem arose, as the branch's latest plan says. */
  rootCause?: string;
}

export type ReopeningSource = 'preliminary_acceptance' | 'county_acceptance' | 'objection' | 'supervision';

export interface ProblemReopening {
  at: string;
  by: ActorRef;
  source: ReopeningSource;
  reason: string;
  /** Measures added for it since; the committee's approval of them sets `amendedAt`. */
  measureIds: string[];
  amendedAt?: string;
}
