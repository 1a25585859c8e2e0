import JSZip from 'jszip';
import {
  campaignEnded,
  decide,
  fire,
  nextScheduledEvent,
  objectionReceived,
  openCase,
  plainDueDates,
  summarize,
  WORDS_NOBODY_READS,
  type Actor,
  type CampaignPolicy,
  type CampaignRef,
  type CaseState,
  type OrgDomain,
} from '@zhengdun/domain';
import { buildLedgerModel, type LedgerCaseRecord, type LedgerEventRecord } from './ledger-model';
import { CASE_COLUMNS, LEDGER_SHEETS, readLedgerWorkbook, writeLedgerWorkbook } from './ledger-workbook';

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const POLICY: CampaignPolicy = {
  planPeriod: { amount: 100, unit: 'seconds' },
  publicityPeriod: { amount: 50, unit: 'seconds' },
  rectificationPeriod: { amount: 200, unit: 'seconds' },
  reportCadence: { amount: 300, unit: 'seconds' },
  reminderLead: { amount: 10, unit: 'seconds' },
  escalationInterval: { amount: 20, unit: 'seconds' },
  reviewDelay: { amount: 1000, unit: 'seconds' },
  satisfactionThreshold: 0.8,
};
const CAMPAIGN: CampaignRef = { id: 'c2026', name: '2026年整顿', county: '示范县', endsAt: at(10_000) };
const COUNTY: Actor = { userId: 'county', name: '组织部', role: 'county_department', scope: { level: 'county', county: '示范县' } };
const committee = (township: string): Actor => ({ userId: 'committee', name: '镇党委', role: 'township_committee', scope: { level: 'township', county: '示范县', township } });

function open(code: string, domain: OrgDomain, township: string): CaseState {
  return openCase(
    {
      campaign: CAMPAIGN,
      policy: POLICY,
      org: { code, name: `${code}党支部`, domain, county: '示范县', township, isKeyVillage: false, secretary: { personId: `sec-${code}`, name: `书记${code}` } },
      source: 'screening',
      problems: [
        { category: 'lax_inner_party_life', description: '组织生活不经常' },
        { category: 'other', description: '其他问题' },
      ],
      team: domain === 'community' ? [{ teamRole: 'responsible_leader', personId: 'lead', name: '冯主任' }] : [],
    },
    { userId: COUNTY.userId, name: COUNTY.name, role: 'county_department' },
    at(0),
    plainDueDates(at(0), POLICY),
  );
}

function toRecord(state: CaseState, now: string): { record: LedgerCaseRecord; events: LedgerEventRecord[] } {
  const summary = summarize(state, now);
  const { timeline, ...rest } = state;
  return {
    record: {
      ...summary,
      nextDueAt: summary.nextDueAt ? new Date(summary.nextDueAt) : null,
      delistedAt: summary.delistedAt ? new Date(summary.delistedAt) : null,
      createdAt: new Date(summary.createdAt),
      state: rest,
    },
    events: timeline.map((e) => ({ caseId: state.caseId, seq: e.seq, at: new Date(e.at), type: e.type, actorName: e.actor.name, summary: e.summary })),
  };
}

function fixtures() {
  const secretary = (state: CaseState): Actor => ({ userId: state.org.secretary.personId, name: state.org.secretary.name, role: 'branch_secretary', scope: { level: 'organization', county: '示范县', orgCode: state.org.code } });
  // A community in remediation with one measure done; a village still identified, escalated at the campaign's end.
  let community = open('S-01', 'community', '河口镇');
  const ctx = (s: number) => ({ now: at(s), due: plainDueDates(at(s), POLICY) });
  community = decide(
    community,
    {
      type: 'submitPlan',
      measures: community.problems.map((p) => ({ problemId: p.id, description: `针对${p.description}建立制度并落实`, ownerId: 'sec-S-01', ownerName: '书记S-01', dueAt: at(500) })),
      rootCauses: [{ problemId: 'p1', cause: '支委分工不明确，会议无人召集' }],
    },
    secretary(community),
    ctx(10),
  ).state;
  community = decide(community, { type: 'approvePlan' }, committee('河口镇'), ctx(20)).state;
  community = decide(community, { type: 'completeMeasure', measureId: 'm1', evidence: '已建立“三会一课”台账' }, secretary(community), ctx(30)).state;
  let village = open('V-01', 'rural', '青山镇');
  village = campaignEnded(village, { campaignId: CAMPAIGN.id, endsAt: CAMPAIGN.endsAt }, ctx(10_001)).state;
  return [community, village].map((state) => toRecord(state, at(10_002)));
}

/** A community taken through a progress report, publicity with an objection, and a failed 初验. */
function checkedCase() {
  const secretary = (state: CaseState): Actor => ({ userId: state.org.secretary.personId, name: state.org.secretary.name, role: 'branch_secretary', scope: { level: 'organization', county: '示范县', orgCode: state.org.code } });
  const ctx = (s: number) => ({ now: at(s), due: plainDueDates(at(s), POLICY) });
  let state = open('S-02', 'community', '河口镇');
  state = decide(state, { type: 'submitPlan', measures: state.problems.map((p) => ({ problemId: p.id, description: `针对${p.description}建立制度并落实`, ownerId: 'sec-S-02', ownerName: '书记S-02', dueAt: at(500) })) }, secretary(state), ctx(10)).state;
  state = decide(state, { type: 'approvePlan' }, committee('河口镇'), ctx(20)).state;
  state = decide(state, { type: 'reportProgress', summary: '两项制度已建立' }, secretary(state), ctx(25)).state;
  for (const measure of state.measures) state = decide(state, { type: 'completeMeasure', measureId: measure.id, evidence: '已落实' }, secretary(state), ctx(30)).state;
  state = decide(state, { type: 'startPublicity' }, committee('河口镇'), ctx(40)).state;
  state = objectionReceived(state, 'obj-1', '组织生活仍不正常', ctx(50)).state;
  state = decide(state, { type: 'resolveObjection', objectionId: 'obj-1', decision: 'dismissed', reason: '经核查已按月开展' }, committee('河口镇'), ctx(60)).state;
  state = fire(state, nextScheduledEvent(state)!, ctx(90)).state;
  state = decide(
    state,
    { type: 'recordPreliminaryAcceptance', checks: { ledger: true, plan: true, results: false }, opinion: '群众知晓率不高' },
    committee('河口镇'),
    ctx(100),
  ).state;
  return toRecord(state, at(110));
}

describe('the ledger (台账)', () => {
  it('lists each case’s publicity, objections, progress reports and acceptances with their results and opinions', async () => {
    const item = checkedCase();
    const ledger = buildLedgerModel([item.record], item.events, '示范县2026年整顿台账', new Date(at(120)));
    expect(ledger.checks.map((c) => [c.no, c.kind, c.result, c.by])).toEqual([
      [1, '进展汇报', '', '书记S-02'],
      [2, '结果公示', '2026-03-01 公示结束，转入党（工）委初验', '镇党委'],
      [3, '群众异议', '不成立', '镇党委'],
      [4, '党（工）委初验', '未通过，限期整改', '镇党委'],
    ]);
    expect(ledger.checks[2].content).toContain('处理意见：经核查已按月开展');
    expect(ledger.checks[3].content).toContain('群众知晓率不高');
    expect(ledger.checks[3].at).toBe('2026-03-01 08:01');
    const file = await writeLedgerWorkbook(ledger);
    const read = await readLedgerWorkbook(file);
    expect(read.checks.map((c) => c['事项'])).toEqual(['进展汇报', '结果公示', '群众异议', '党（工）委初验']);
    // Every word of the file, sheet names and headers included: 整顿对象, never the discipline-inspection words.
    const zip = await JSZip.loadAsync(file);
    const texts = await Promise.all(Object.values(zip.files).filter((entry) => entry.name.endsWith('.xml')).map((entry) => entry.async('string')));
    expect(texts.join('\n').match(WORDS_NOBODY_READS)).toBeNull();
    expect(texts.join('\n')).toContain('整顿对象');
  });

  it('has a row per case, problem, measure and supervision event, and the figures', () => {
    const items = fixtures();
    const ledger = buildLedgerModel(
      items.map((i) => i.record),
      items.flatMap((i) => i.events),
      '示范县2026年整顿台账',
      new Date(at(10_003)),
    );
    // Sorted by township: 河口镇 before 青山镇 (pinyin order).
    expect(ledger.cases.map((c) => [c.no, c.orgCode, c.stage, c.problems, c.openProblems, c.measures, c.measuresDone, c.escalation])).toEqual([
      [1, 'S-01', '整顿实施', 2, 1, 2, 1, '无'],
      [2, 'V-01', '摸排确定', 2, 2, 0, 0, '说明原因'],
    ]);
    expect(ledger.cases[0]).toMatchObject({ team: '责任领导：冯主任', listedAt: '2026-03-01', planApprovedAt: '2026-03-01', secretary: '书记S-01', source: '拉网式排查' });
    expect(ledger.problems.map((p) => [p.orgCode, p.problemId, p.status, p.rootCause])).toEqual([
      ['S-01', 'p1', '已解决', '支委分工不明确，会议无人召集'],
      ['S-01', 'p2', '整改中', ''],
      ['V-01', 'p1', '整改中', ''],
      ['V-01', 'p2', '整改中', ''],
    ]);
    expect(ledger.measures.map((m) => [m.problemId, m.status, m.evidence])).toEqual([
      ['p1', '已销项', '已建立“三会一课”台账'],
      ['p2', '整改中', ''],
    ]);
    expect(ledger.supervision).toEqual([expect.objectContaining({ orgCode: 'V-01', kind: '整顿期限已到要求说明原因', by: '系统' })]);
    expect(ledger.figures).toMatchObject({ total: 2, unfinished: 2, converted: 0, conversionRate: 0, explanationRequested: 1, talks: 0 });
    expect(ledger.figures.byTownship.map((t) => t.township)).toEqual(['河口镇', '青山镇']);
  });

  it('writes a print-ready workbook that reads back the same', async () => {
    const items = fixtures();
    const ledger = buildLedgerModel(
      items.map((i) => i.record),
      items.flatMap((i) => i.events),
      '示范县2026年整顿台账',
      new Date(at(10_003)),
    );
    const read = await readLedgerWorkbook(await writeLedgerWorkbook(ledger));
    expect(read.title).toBe('示范县2026年整顿台账');
    expect(read.cases).toHaveLength(2);
    expect(Object.keys(read.cases[0])).toEqual(CASE_COLUMNS.map((c) => c.header));
    expect(read.cases.map((c) => [c['组织代码'], c['当前阶段'], c['问题数'], c['督办等级'], c['群众满意率']])).toEqual([
      ['S-01', '整顿实施', 2, '无', null],
      ['V-01', '摸排确定', 2, '说明原因', null],
    ]);
    expect(read.problems).toHaveLength(4);
    expect(read.measures.map((m) => m['状态'])).toEqual(['已销项', '整改中']);
    expect(read.supervision.map((s) => s['督办类型'])).toEqual(['整顿期限已到要求说明原因']);
    expect(read.figures).toMatchObject({ 整顿对象总数: 2, 未销号: 2, '阶段：整顿实施': 1, '阶段：摸排确定': 1, 转化率: 0, 累计约谈次数: 0 });
    expect(read.byTownship).toEqual([
      { '乡镇/党(工)委': '河口镇', 整顿对象: 1, 已销号: 0, 逾期: expect.any(Number), 约谈次数: 0 },
      { '乡镇/党(工)委': '青山镇', 整顿对象: 1, 已销号: 0, 逾期: expect.any(Number), 约谈次数: 0 },
    ]);
    for (const name of Object.values(LEDGER_SHEETS)) {
      expect(read.layout[name]).toMatchObject({ frozenRows: 1, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    }
    expect(read.layout[LEDGER_SHEETS.cases].widths).toEqual(CASE_COLUMNS.map((c) => c.width));
  });

  it('an empty selection still gives a workbook with headers and zero figures', async () => {
    const read = await readLedgerWorkbook(await writeLedgerWorkbook(buildLedgerModel([], [], '空台账', new Date(at(0)))));
    expect(read.cases).toEqual([]);
    expect(read.figures).toMatchObject({ 整顿对象总数: 0, 转化率: null });
  });
});
