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
}
