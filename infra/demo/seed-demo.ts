/**
 * `npm start -- --demo`: loads the demo county into an empty database through the real API, as its
 * people would — each with a development token of their own (POST /dev/tokens), so every step is a
 * workflow Update in the case's history and a row of the audit trail under a named demo person, and
 * the read model is written by the workers as for any case. The public's objections and ratings go
 * through the public endpoints, without a token.
 *
 * Overdue items need time to pass. The demo campaign counts three periods in seconds (publicity,
 * escalation interval, delay until 回头看) so that within a minute measures fall overdue, talks are
 * proposed and delisted organizations come up for their follow-up review; `npm start -- --demo` lets
 * the API accept such a policy for that run only (ALLOW_SECONDS_PERIODS). Everything else keeps real
 * days. A demo campaign, never a model for a real one.
 */
import type { CampaignPolicy, Stage } from '@zhengdun/domain';
import { DEMO_COMMITTEES, DEMO_COUNTY, DEMO_COUNTY_STAFF, DEMO_ORGANIZATIONS, type DemoOrganization, type DemoTarget } from './demo-county';

type Say = (line: string) => void;

/** Only these periods are short; the rest are the campaign defaults (working days). */
export const DEMO_POLICY: Partial<CampaignPolicy> = {
  publicityPeriod: { amount: 5, unit: 'seconds' },
  escalationInterval: { amount: 20, unit: 'seconds' },
  reviewDelay: { amount: 30, unit: 'seconds' },
};

/** How long after the plan an overdue demo measure falls due. */
const OVERDUE_AFTER_MS = 20_000;
/** Requests in flight at once: the demo should not starve the stack it starts on. */
const CONCURRENCY = 8;
const POLL_MS = 1_500;
/** Priority of requests every organization waits on. */
const FIRST = 100;
const WAIT_LIMIT_MS = 180_000;

export function demoCampaignName(now = new Date()): string {
  return `${now.getFullYear()}年软弱涣散基层党组织整顿（演示）`;
}

interface ActorClaims {
  userId: string;
  name: string;
  role: 'county_department' | 'township_committee' | 'assigned_leader' | 'branch_secretary';
  scope: { level: 'county' | 'township' | 'organization'; county: string; township?: string; orgCode?: string };
}

interface CaseView {
  caseId: string;
  stage: Stage;
  round: number;
  measures: { id: string; round: number; status: string; dueAt: string }[];
  problems: { id: string; round: number }[];
  objections: { id: string; status: string }[];
  escalation: { records: { step: string; dueItemKey: string }[]; proposals?: { id: string; kind: string; status: string }[] };
}

class DemoError extends Error {}

/**
 * At most `size` requests at once; waiting ones go by priority (highest first, then in order), so the
 * organizations with the longest way to go are not held up behind the quick ones.
 */
function limiter(size: number) {
  let active = 0;
  let order = 0;
  const queue: { priority: number; order: number; go: () => void }[] = [];
  return async <T>(priority: number, task: () => Promise<T>): Promise<T> => {
    if (active >= size) {
      await new Promise<void>((go) => {
        queue.push({ priority, order: order++, go });
        queue.sort((a, b) => b.priority - a.priority || a.order - b.order);
      });
    }
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      queue.shift()?.go();
    }
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class DemoApi {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly limit = limiter(CONCURRENCY);

  constructor(readonly baseUrl: string) {}

  /** `priority`: how far the organization goes (REACH); the stage watcher and tokens go first. */
  async request<T>(method: 'GET' | 'POST', path: string, options: { as?: ActorClaims; body?: unknown; priority?: number } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as)}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return this.limit(options.priority ?? FIRST, async () => {
      const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await response.text();
      if (!response.ok) throw new DemoError(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
      return (text ? JSON.parse(text) : undefined) as T;
    });
  }

  /**
   * The person's own development token, as the dev sign-in issues it (audited as issued to them); one
   * per scope, since a county leader linked to several villages acts on each within its own.
   */
  private token(actor: ActorClaims): Promise<string> {
    const key = `${actor.userId}:${JSON.stringify(actor.scope)}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.limit(FIRST, async () => {
        const response = await fetch(`${this.baseUrl}/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(actor) });
        if (response.status !== 201) throw new DemoError(`POST /dev/tokens for ${actor.name} answered ${response.status}: ${await response.text()}`);
        return ((await response.json()) as { token: string }).token;
      });
      this.tokens.set(key, token);
    }
    return token;
  }
}

const county: ActorClaims = { ...DEMO_COUNTY_STAFF, role: 'county_department', scope: { level: 'county', county: DEMO_COUNTY } };

function committeeOf(org: DemoOrganization): ActorClaims {
  const committee = DEMO_COMMITTEES[org.committee];
  return { userId: committee.userId, name: committee.name, role: 'township_committee', scope: { level: 'township', county: DEMO_COUNTY, township: committee.township } };
}

function secretaryOf(org: DemoOrganization): ActorClaims {
  return { userId: org.secretary.personId, name: org.secretary.name, role: 'branch_secretary', scope: { level: 'organization', county: DEMO_COUNTY, orgCode: org.code } };
}

/** The member of the team who reports progress: the county leader of a village, else the first one named. */
function reporterOf(org: DemoOrganization): ActorClaims {
  const member = org.team.find((m) => m.teamRole === 'county_leader') ?? org.team[0];
  return { userId: member.personId, name: member.name, role: 'assigned_leader', scope: { level: 'organization', county: DEMO_COUNTY, orgCode: org.code } };
}

/** How far along the lifecycle each target goes, to decide which steps it takes. */
const REACH: Record<DemoTarget, number> = {
  identified: 0,
  assigned: 1,
  planning: 2,
  plan_returned: 2,
  remediating: 3,
  overdue: 3,
  explained: 3,
  talk_proposed: 3,
  talk_recorded: 3,
  objection_open: 4,
  objection_upheld: 4,
  preliminary_acceptance: 5,
  county_acceptance: 6,
  delisted: 7,
  follow_up_review: 7,
  archived: 8,
  rebound: 8,
};
const LAPSING: readonly DemoTarget[] = ['overdue', 'explained', 'talk_proposed', 'talk_recorded'];

const MEASURE_TEXT: Record<string, string> = {
  secretary_incompetent: '调整村党支部书记，从县直单位选派优秀干部任职，配强“两委”班子',
  petitions_and_conflicts: '逐户走访信访当事人，召开村民代表会议依法处置土地流转纠纷',
  lax_inner_party_life: '严格落实“三会一课”，每月固定主题党日，乡镇党委派员列席督导',
  village_bully_or_crime_links: '配合公安机关开展专项整治，村内工程一律公开招标并公示',
  criminal_or_religious_interference: '换届前开展“两委”候选人联审，依法打击干扰选举行为',
  irregular_dues: '建立党费收缴台账，逐人核定标准，每月5日前收缴并公示',
  leadership_incomplete: '按程序补选支部委员，上级党组织派员指导选举',
  two_skins: '将党建工作纳入企业经营业绩考核，党支部书记参与重大事项决策',
  irregular_organizational_life: '制定组织生活年度计划，按期召开组织生活会并开展批评与自我批评',
  joint_branch_nominal: '按行业和地域重新划分联合党支部，明确每家企业的党建联络员',
  activities_infrequent: '每季度开展一次主题党日，结合企业生产安排“党员先锋岗”',
  reelection_overdue: '制定换届工作方案，两个月内完成支部委员会换届选举',
  lax_member_management: '逐一排查流动党员，建立联系台账，失联党员按规定处置',
  study_on_paper_only: '改进学习方式，每月一次专题研讨，党员轮流领学发言',
  members_not_exemplary: '设立党员责任区，开展亮身份、践承诺活动，群众评议结果公开',
  weak_coverage: '督促新入驻单位党员转入组织关系，调整支部设置实现全覆盖',
};

export interface DemoSeedResult {
  loaded: boolean;
  campaignId?: string;
  cases: number;
  failed: string[];
}

/**
 * Loads the demo when the database has no campaign yet; says so and does nothing otherwise. The
 * organizations are driven side by side; one that fails is reported and the others go on.
 */
export async function seedDemo(baseUrl: string, say: Say): Promise<DemoSeedResult> {
  const api = new DemoApi(baseUrl);
  const existing = await api.request<{ items: { id: string; name: string }[] }>('GET', '/campaigns', { as: county });
  if (existing.items.length > 0) {
    const demo = existing.items.find((campaign) => campaign.name.endsWith('（演示）'));
    say(demo ? `demo already loaded (campaign ${demo.name}); nothing to do` : `the database already holds ${existing.items.length} campaign(s); the demo loads only into an empty one, nothing loaded`);
    return { loaded: false, cases: 0, failed: [] };
  }
  const endsAt = new Date(Date.now() + 150 * 86_400_000).toISOString();
  const campaign = await api.request<{ id: string; name: string }>('POST', '/campaigns', { as: county, body: { name: demoCampaignName(), county: DEMO_COUNTY, endsAt, policy: DEMO_POLICY } });
  say(`demo: campaign ${campaign.name} (${campaign.id}); driving ${DEMO_ORGANIZATIONS.length} organizations through the API…`);

  const watcher = new StageWatcher(api, campaign.id);
  const failed: string[] = [];
  const started = Date.now();
  // The longest ways first (they wait on publicity and the review delay), so every stage fills early.
  const longestFirst = [...DEMO_ORGANIZATIONS].sort((a, b) => REACH[b.target] - REACH[a.target]);
  await Promise.all(
    longestFirst.map((org, index) =>
      sleep(index * 50)
        .then(() => drive(api, watcher, campaign.id, org))
        .catch((error: unknown) => {
          failed.push(org.name);
          say(`demo: ${org.name} stopped short of ${org.target}: ${error instanceof Error ? error.message : String(error)}`);
        }),
    ),
  );
  watcher.stop();
  say(`demo: ${DEMO_ORGANIZATIONS.length - failed.length} of ${DEMO_ORGANIZATIONS.length} organizations in place after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { loaded: true, campaignId: campaign.id, cases: DEMO_ORGANIZATIONS.length, failed };
}

/** One list request for every wait on a stage, instead of one poll per case. */
class StageWatcher {
  private stages = new Map<string, Stage>();
  private timer?: NodeJS.Timeout;
  private waiting = 0;

  constructor(
    private readonly api: DemoApi,
    private readonly campaignId: string,
  ) {}

  async until(caseId: string, stage: Stage): Promise<void> {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    this.waiting += 1;
    this.timer ??= setInterval(() => void this.refresh().catch(() => undefined), POLL_MS);
    try {
      while (this.stages.get(caseId) !== stage) {
        if (Date.now() > deadline) throw new DemoError(`${caseId} did not reach ${stage} in ${WAIT_LIMIT_MS / 1000} s (it is ${this.stages.get(caseId) ?? 'not listed'})`);
        await sleep(POLL_MS / 2);
      }
    } finally {
      this.waiting -= 1;
      if (this.waiting === 0) this.stop();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async refresh(): Promise<void> {
    const list = await this.api.request<{ items: { caseId: string; stage: Stage }[] }>('GET', `/cases?campaignId=${encodeURIComponent(this.campaignId)}&pageSize=100`, { as: county });
    this.stages = new Map(list.items.map((item) => [item.caseId, item.stage]));
  }
}

async function drive(api: DemoApi, watcher: StageWatcher, campaignId: string, org: DemoOrganization): Promise<void> {
  const reach = REACH[org.target];
  const committee = committeeOf(org);
  const secretary = secretaryOf(org);
  const view = async (caseId: string) => (await api.request<{ case: CaseView }>('GET', `/cases/${encodeURIComponent(caseId)}`, { as: committee, priority: reach })).case;
  const act = async (caseId: string, type: string, as: ActorClaims, body: unknown = {}): Promise<CaseView> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await api.request<CaseView>('POST', `/cases/${encodeURIComponent(caseId)}/actions/${type}`, { as, body, priority: reach });
      } catch (error) {
        // On a stack still warming up an Update can fail without a rule refusing it, and the API reports
        // any such failure as case_closed; when the case is not archived, it was not applied: try again.
        if (!(error instanceof DemoError && /"code":"case_closed"/.test(error.message)) || attempt === 3) throw error;
        if ((await view(caseId)).stage === 'archived') throw error;
        await sleep(1000 * attempt);
      }
    }
  };
  /** Waits until the case shows what `check` looks for (a timer fired, a signal arrived). */
  const waitFor = async <T>(caseId: string, what: string, check: (state: CaseView) => T | undefined): Promise<T> => {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (;;) {
      const found = check(await view(caseId));
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new DemoError(`${caseId}: no ${what} in ${WAIT_LIMIT_MS / 1000} s`);
      await sleep(POLL_MS);
    }
  };

  // 摸排确定: the county lists it; an organization still without its full team stays identified.
  const team = reach === 0 ? (org.domain === 'rural' ? org.team.filter((m) => m.teamRole !== 'first_secretary' && m.teamRole !== 'paired_agency') : []) : org.team;
  const opened = await api.request<{ caseId: string }>('POST', `/campaigns/${encodeURIComponent(campaignId)}/cases`, {
    as: county,
    // Every organization is listed first, so the early stages show at once.
    priority: FIRST,
    body: {
      org: { code: org.code, name: org.name, domain: org.domain, township: DEMO_COMMITTEES[org.committee].township, isKeyVillage: org.isKeyVillage ?? false, secretary: org.secretary },
      source: org.source,
      problems: org.problems,
      ...(team.length > 0 ? { team } : {}),
    },
  });
  const caseId = opened.caseId;
  if (reach === 0) return;
  await watcher.until(caseId, 'assigned');
  if (reach === 1) return;

  // 一村一策: one measure per problem, owned by the secretary; a lapsing case has one due within seconds.
  const lapsing = LAPSING.includes(org.target);
  const planned = (state: Pick<CaseView, 'problems' | 'round'>) =>
    state.problems
      .filter((problem) => problem.round === state.round)
      .map((problem, k) => {
        const category = org.problems[Number(problem.id.slice(1)) - 1]?.category ?? 'other';
        const dueInMs = lapsing && k === 0 ? OVERDUE_AFTER_MS : (45 + 15 * k) * 86_400_000;
        return {
          problemId: problem.id,
          description: MEASURE_TEXT[category] ?? '制定具体整改措施，明确时间节点并按月落实',
          ownerId: org.secretary.personId,
          ownerName: org.secretary.name,
          dueAt: new Date(Date.now() + dueInMs).toISOString(),
        };
      });
  let state = await view(caseId);
  state = await act(caseId, 'submitPlan', secretary, { measures: planned(state) });
  if (org.target === 'plan_returned') {
    await act(caseId, 'returnPlan', committee, { reasons: ['措施不够具体，缺少时间节点', '未明确群众反映问题的化解办法'] });
    return;
  }
  if (reach === 2) return;
  state = await act(caseId, 'approvePlan', committee, { comment: '同意按此方案实施，每月报送进展' });

  // 整顿实施: the county leader hears a report; measures are reported and verified one by one (a lapsing one is left).
  // A progress report where the case stays in remediation (the others go straight on to publicity).
  if (reach <= 3) state = await act(caseId, 'reportProgress', reporterOf(org), { summary: '本月召开党员大会1次，走访群众32户，化解矛盾2件' });
  // Earliest due first: a lapsing case's first measure is the one due within seconds.
  const measures = state.measures.filter((m) => m.round === state.round && m.status === 'pending').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const toComplete = reach >= 4 ? measures : lapsing ? measures.slice(1) : measures.slice(0, Math.max(1, measures.length - 1));
  // The branch reports each measure done; the committee checks it (不能把说了当成做了). A case left in
  // remediation keeps its last report waiting, so 已报告待核验 shows too.
  for (const [index, measure] of toComplete.entries()) {
    state = await act(caseId, 'reportMeasureDone', secretary, { measureId: measure.id, evidence: '已按方案落实，会议记录和照片已归入整顿台账' });
    if (reach <= 3 && !lapsing && index === toComplete.length - 1) break;
    state = await act(caseId, 'verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '经实地查看，会议记录和台账齐全，群众认可' });
  }
  if (lapsing) {
    const overdueKey = `measure:${measures[0].id}`;
    if (org.target === 'overdue' || org.target === 'talk_proposed') return; // the workflow asks and proposes on its own
    await waitFor(caseId, 'explanation request', (s) => (s.escalation.records.some((r) => r.step === 'explanation_requested' && r.dueItemKey === overdueKey) ? true : undefined));
    await act(caseId, 'submitExplanation', secretary, { dueItemKey: overdueKey, explanation: '涉及的土地确权材料需县自然资源局出具，已协调，预计两周内办结' });
    if (org.target === 'explained') return;
    const proposalId = await waitFor(caseId, 'talk proposal', (s) => s.escalation.proposals?.find((p) => p.kind === 'talk' && p.status === 'proposed')?.id);
    await act(caseId, 'recordTalk', committee, {
      proposalId,
      heldAt: new Date(Date.now() - 60_000).toISOString(),
      talkedTo: ['branch_secretary', 'secretary_above'],
      record: '指出整改措施逾期未完成的问题，要求一周内完成并书面报告，乡镇党委跟踪督办',
    });
    return;
  }
  if (reach === 3) return;

  // 结果公示: the committee publicizes; the public may object (held until dealt with) and rate.
  await act(caseId, 'startPublicity', committee);
  if (org.target === 'objection_open' || org.target === 'objection_upheld') {
    const objection = await api.request<{ id: string }>('POST', `/public/cases/${encodeURIComponent(caseId)}/objections`, {
      priority: reach,
      body: { content: org.target === 'objection_open' ? '公示说已完成换届，但村里还没开过党员大会选举，与实际不符' : '党员活动室仍被挪作仓库使用，整改没有落实' },
    });
    if (org.target === 'objection_open') return;
    await waitFor(caseId, 'the objection', (s) => (s.objections.some((o) => o.id === objection.id) ? true : undefined));
    await act(caseId, 'resolveObjection', committee, { objectionId: objection.id, decision: 'upheld', reason: '经实地核实，党员活动室确未腾退，责令限期整改', problemId: 'p1' });
    return;
  }
  // Ratings are rate-limited per address: a few organizations get them (a signal; the 测评 decides 验收).
  if (org.target === 'archived' || org.target === 'county_acceptance') {
    for (const level of ['satisfied', 'basically_satisfied']) await api.request('POST', `/public/cases/${encodeURIComponent(caseId)}/ratings`, { body: { level }, priority: reach });
  }
  await watcher.until(caseId, 'preliminary_acceptance');
  if (reach === 5) return;
  const checks = { ledger: true, plan: true, results: true };
  await act(caseId, 'recordPreliminaryAcceptance', committee, { checks, opinion: '台账完整，措施落实到位，同意报县级验收' });
  if (reach === 6) return;
  await act(caseId, 'recordCountyAcceptance', county, {
    checks,
    opinion: '经验收合格，同意销号',
    // 测评 among the branch's members and villager representatives (an hour ago: it may not lie in the future).
    assessment: { heldAt: new Date(Date.now() - 3_600_000).toISOString(), participants: '党员、村民代表', respondents: 36, satisfied: 28, basicallySatisfied: 5, dissatisfied: 3, aware: 32 },
  });
  if (reach === 7 && org.target === 'delisted') return;

  // 回头看 after the review delay: archived when nothing came back; a rebound reopens the case.
  await watcher.until(caseId, 'follow_up_review');
  if (org.target === 'follow_up_review') return;
  const rebound = org.target === 'rebound';
  await act(caseId, 'recordFollowUpReview', committee, {
    checks: { measuresCarriedOut: true, mechanismsWorking: !rebound, promisesDelivered: true, unqualifiedMembersHandled: true },
    findings: {
      measuresCarriedOut: '整改措施均已落实，台账齐全',
      mechanismsWorking: rebound ? '“三会一课”近三个月未按时召开，信访矛盾又有反映' : '“三会一课”按月召开，村务按季度公开',
      promisesDelivered: '承诺的村道硬化已完工',
      unqualifiedMembersHandled: '2名不合格党员已按程序处置',
    },
    opinion: rebound ? '回头看发现组织生活又不经常，信访矛盾有反弹，重新整顿' : '长效机制运行正常，未发现问题反弹',
    reboundedProblemIds: rebound ? ['p2'] : [],
    newProblems: [],
  });
}
