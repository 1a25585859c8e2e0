/** Request bodies for the Supervisor API, built on the same people and policy as cases.ts. */
import { randomUUID } from 'node:crypto';
import { PROBLEM_CATEGORIES, type CampaignPolicy, type OrgDomain } from '@zhengdun/domain';
import type { ScreeningRowValues } from '@zhengdun/campaigns';
import { COUNTY, SECONDS_POLICY, TOWNSHIP, teamFor } from './cases';

export function campaignBody(policy: CampaignPolicy = SECONDS_POLICY, overrides: Record<string, unknown> = {}) {
  return {
    name: '2026年软弱涣散基层党组织整顿',
    county: COUNTY,
    endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    policy,
    ...overrides,
  };
}

export function newOrgCode(): string {
  return `org${randomUUID().slice(0, 6)}`;
}

export interface OpenCaseBodyOptions {
  orgCode?: string;
  withTeam?: boolean;
  township?: string;
  isKeyVillage?: boolean;
}

export function openCaseBody(domain: OrgDomain, options: OpenCaseBodyOptions = {}) {
  const code = options.orgCode ?? newOrgCode();
  return {
    org: {
      code,
      name: `${domain === 'rural' ? '青山村' : '示范单位'}${code}党支部`,
      domain,
      township: options.township ?? TOWNSHIP,
      isKeyVillage: options.isKeyVillage ?? false,
      secretary: { personId: `sec-${code}`, name: `书记${code}` },
    },
    source: 'screening',
    problems: [
      { category: 'lax_inner_party_life', description: '“三会一课”不经常，组织生活流于形式' },
      { category: domain === 'rural' ? 'petitions_and_conflicts' : 'leadership_incomplete', description: '历史遗留问题多，群众意见大' },
    ],
    ...(options.withTeam === false ? {} : { team: teamFor(domain) }),
  };
}

/** One row of a 摸排名单 (screening list) as a county clerk fills it in: a rural branch of `township`. */
export function screeningRow(orgCode: string, township: string, overrides: ScreeningRowValues = {}): ScreeningRowValues {
  return {
    orgCode,
    orgName: `${township}${orgCode}党支部`,
    domain: '农村',
    township,
    isKeyVillage: '否',
    secretaryName: `书记${orgCode}`,
    secretaryId: `sec-${orgCode}`,
    category: Object.values(PROBLEM_CATEGORIES)[0],
    description: '组织生活不经常，群众意见较大',
    source: '拉网式排查',
    ...overrides,
  };
}
