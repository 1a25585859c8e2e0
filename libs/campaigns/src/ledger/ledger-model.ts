/**
 * The ledger (台账) as data: one row per case, problem, measure and supervision event, plus the
 * figures. Built from the read model (case_record with its `state`, and case_event) by a pure
 * function, so the workbook and the checks on it share one source.
 */
import {
  ACCEPTANCE_LEVEL_LABELS,
  chinaDate,
  conversionRate,
  ESCALATION_LEVEL_LABELS,
  OBJECTION_STATUS_LABELS,
  publicAudienceOf,
  REVIEW_OUTCOME_LABELS,
  reviewCheckLines,
  MEASURE_STATUS_LABELS,
  IDENTIFICATION_SOURCE_LABELS,
  isConverted,
  ORG_DOMAIN_LABELS,
  PROBLEM_CATEGORIES,
  PROBLEM_STATUS_LABELS,
  problemStatus,
  SPOT_CHECK_STAGE_LABELS,
  STAGE_LABELS,
  STAGES,
  TEAM_ROLE_LABELS,
  type Assessment,
  type CaseState,
  type EscalationLevel,
  type SpotCheckStage,
  type Stage,
} from '@zhengdun/domain';
import type { CaseRecordEntity } from '@zhengdun/persistence';

/** What the ledger needs of a case_record row. */
export type LedgerCaseRecord = Pick<
  CaseRecordEntity,
  | 'caseId'
  | 'campaignId'
  | 'orgCode'
  | 'orgName'
  | 'domain'
  | 'township'
  | 'isKeyVillage'
  | 'stage'
  | 'round'
  | 'overdue'
  | 'escalationLevel'
  | 'talks'
  | 'organizationalHandling'
  | 'problemCount'
  | 'openProblemCount'
  | 'measureCount'
  | 'measuresDone'
  | 'satisfactionRate'
  | 'nextDueAt'
  | 'delistedAt'
  | 'createdAt'
  | 'state'
>;

/** What the ledger needs of a case_event row. */
export interface LedgerEventRecord {
  caseId: string;
  seq: number;
  at: Date;
  type: string;
  actorName: string;
  summary: string;
}

/** The county's re-check of a sampled case (抽查复核), beside the township's result it re-checked. */
export interface LedgerRecheckRecord {
  caseId: string;
  stage: SpotCheckStage;
  townshipPassed: boolean;
  countyPassed: boolean;
  finding: string;
  checkedAt: Date;
  checkedByName: string;
}

export interface LedgerCaseRow {
  no: number;
  caseId: string;
  orgCode: string;
  orgName: string;
  domain: string;
  township: string;
  keyVillage: string;
  secretary: string;
  team: string;
  source: string;
  listedAt: string;
  stage: string;
  round: number;
  problems: number;
  openProblems: number;
  measures: number;
  measuresDone: number;
  /** 已报告待核验: reported by the branch, not yet verified (not counted as done). */
  measuresReported: number;
  planApprovedAt: string;
  delistedAt: string;
  overdue: string;
  nextDueAt: string;
  escalation: string;
  talks: number;
  organizationalHandling: string;
  satisfaction: number | null;
  link: string;
}

export interface LedgerProblemRow {
  no: number;
  orgCode: string;
  orgName: string;
  problemId: string;
  category: string;
  description: string;
  rootCause: string;
  round: number;
  status: string;
  carriedFrom: string;
}

/** The verification of a measure as the ledger says it: verified by whom, awaiting since when, returned why. */
function verificationNote(measure: LedgerCaseRecord['state']['measures'][number]): string {
  const lines: string[] = [];
  for (const returned of measure.returns ?? []) lines.push(`${chinaDay(returned.at)} 退回（${returned.by.name}）：${returned.reason}`);
  if (measure.status === 'reported' && measure.report) lines.push(`${chinaDay(measure.report.at)} 报告完成，待核验（时限 ${chinaDay(measure.report.verifyDueAt)}）`);
  if (measure.verified) lines.push(`${chinaDay(measure.verified.at)} 核验通过（${measure.verified.by.name}）：${measure.verified.comment}`);
  return lines.join('\n');
}

export interface LedgerMeasureRow {
  no: number;
  orgCode: string;
  orgName: string;
  problemId: string;
  description: string;
  owner: string;
  dueAt: string;
  round: number;
  status: string;
  completedAt: string;
  evidence: string;
  /** Who verified it and when, or the report awaiting verification, or the reports returned. */
  verification: string;
}

export interface LedgerSupervisionRow {
  no: number;
  orgCode: string;
  orgName: string;
  at: string;
  kind: string;
  content: string;
  by: string;
}

/** One thing done to check the results: publicity, an objection and its handling, a progress report, 初验, 验收, 回头看. */
export interface LedgerCheckRow {
  no: number;
  orgCode: string;
  orgName: string;
  at: string;
  kind: string;
  result: string;
  content: string;
  by: string;
}

export interface LedgerFigures {
  total: number;
  byStage: Record<Stage, number>;
  unfinished: number;
  overdue: number;
  explanationRequested: number;
  talkLevel: number;
  organizationalHandling: number;
  talks: number;
  converted: number;
  conversionRate: number | null;
  byTownship: { township: string; total: number; converted: number; overdue: number; talks: number }[];
}

export interface Ledger {
  title: string;
  generatedAt: string;
  cases: LedgerCaseRow[];
  problems: LedgerProblemRow[];
  measures: LedgerMeasureRow[];
  supervision: LedgerSupervisionRow[];
  checks: LedgerCheckRow[];
  figures: LedgerFigures;
}

/** case_event types that go into the supervision sheet (督办约谈), with their labels. */
export const SUPERVISION_EVENT_LABELS: Record<string, string> = {
  explanation_requested: '逾期要求说明原因',
  campaign_ended: '整顿期限已到要求说明原因',
  explanation_submitted: '提交情况说明',
  lapse_extended: '逾期事项并入本次逾期',
  talk_proposed: '提请约谈',
  talk_recorded: '约谈',
  talk_declined: '不予约谈',
  // Cases opened before the proposals model: the timer flagged it.
  organizational_handling_flagged: '提请组织处理',
  organizational_handling_proposed: '提请组织处理',
  organizational_handling_decided: '组织处理决定',
  measure_returned: '措施核验未通过，退回整改',
  secretary_replaced: '调整支部书记',
  supervision_recorded: '督导检查',
};
export const SUPERVISION_EVENT_TYPES = Object.keys(SUPERVISION_EVENT_LABELS);


const CHINA_OFFSET_MS = 8 * 3_600_000;

/** YYYY-MM-DD in China time; '' for none. */
export function chinaDay(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD HH:mm in China time. */
export function chinaMinute(value: string | Date): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  const iso = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

const yesNo = (value: boolean) => (value ? '是' : '否');

/** The case's publicity, objections, progress reports, acceptances and reviews, in time order (numbered by the caller). */
function checksOf(record: LedgerCaseRecord): Omit<LedgerCheckRow, 'no'>[] {
  const { state } = record;
  const org = { orgCode: record.orgCode, orgName: record.orgName };
  const people = publicAudienceOf(state.org.domain).people;
  const rows: (Omit<LedgerCheckRow, 'no' | 'at'> & { at: string })[] = [];
  // Every publicity round, from the stage history (the state keeps only the current one).
  state.history.forEach((change, index) => {
    if (change.to !== 'publicizing') return;
    const ended = state.history.slice(index + 1).find((later) => later.from === 'publicizing');
    const result = ended ? `${chinaDay(ended.at)} 公示结束，转入${STAGE_LABELS[ended.to]}` : state.publicity ? `公示至 ${chinaDay(state.publicity.endsAt)}` : '';
    rows.push({ ...org, at: change.at, kind: '结果公示', result, content: change.reason ?? '', by: change.by.name });
  });
  for (const objection of state.objections) {
    rows.push({
      ...org,
      at: objection.receivedAt,
      kind: `${people}异议`,
      result: OBJECTION_STATUS_LABELS[objection.status],
      content: [objection.content, objection.reason ? `处理意见：${objection.reason}` : '', objection.resolvedAt ? `处理时间：${chinaMinute(objection.resolvedAt)}` : ''].filter(Boolean).join('\n'),
      by: objection.resolvedBy?.name ?? '',
    });
  }
  for (const report of state.reports) rows.push({ ...org, at: report.at, kind: '进展汇报', result: '', content: report.summary, by: report.by.name });
  for (const acceptance of state.acceptances) {
    rows.push({
      ...org,
      at: acceptance.at,
      kind: ACCEPTANCE_LEVEL_LABELS[acceptance.level],
      result: acceptance.passed ? '通过' : '未通过，限期整改',
      content: [
        acceptance.opinion,
        acceptance.failedChecks.length > 0 ? `未达要求：${acceptance.failedChecks.join('；')}` : '',
        acceptance.assessment ? assessmentLine(acceptance.assessment) : '',
        acceptance.satisfactionRate === undefined ? '' : `${acceptance.assessment ? '测评满意率' : '群众满意率'}：${(acceptance.satisfactionRate * 100).toFixed(1)}%`,
        acceptance.awarenessRate === undefined ? '' : `群众知晓率：${(acceptance.awarenessRate * 100).toFixed(1)}%`,
        acceptance.publicRatingRate === undefined ? '' : `群众在线评价（参考）：${(acceptance.publicRatingRate * 100).toFixed(1)}%`,
      ]
        .filter(Boolean)
        .join('\n'),
      by: acceptance.by.name,
    });
  }
  for (const review of state.reviews) {
    const rebounded = review.reboundedProblemIds.length + review.newProblemIds.length;
    rows.push({
      ...org,
      at: review.at,
      kind: '回头看',
      result: REVIEW_OUTCOME_LABELS[review.outcome],
      content: [...reviewCheckLines(review), review.opinion, rebounded > 0 ? `反弹或新发现问题 ${rebounded} 个` : ''].filter(Boolean).join('\n'),
      by: review.by.name,
    });
  }
  return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((row) => ({ ...row, at: chinaMinute(row.at) }));
}

function byLedgerOrder(a: LedgerCaseRecord, b: LedgerCaseRecord): number {
  return a.township.localeCompare(b.township, 'zh-CN') || a.orgCode.localeCompare(b.orgCode) || a.caseId.localeCompare(b.caseId);
}

const passedLabel = (passed: boolean) => (passed ? '合格' : '不合格');

function groupByCase<T extends { caseId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.caseId);
    if (group) group.push(item);
    else groups.set(item.caseId, [item]);
  }
  return groups;
}

export function buildLedgerModel(
  records: readonly LedgerCaseRecord[],
  events: readonly LedgerEventRecord[],
  title: string,
  now: Date,
  rechecks: readonly LedgerRecheckRecord[] = [],
): Ledger {
  const sorted = [...records].sort(byLedgerOrder);
  const cases: LedgerCaseRow[] = [];
  const problems: LedgerProblemRow[] = [];
  const measures: LedgerMeasureRow[] = [];
  for (const record of sorted) {
    const state = record.state;
    const full = { ...state, timeline: [] } as CaseState;
    const approved = [...state.history].reverse().find((change) => change.to === 'remediating' && change.from === 'planning');
    cases.push({
      no: cases.length + 1,
      caseId: record.caseId,
      orgCode: record.orgCode,
      orgName: record.orgName,
      domain: ORG_DOMAIN_LABELS[record.domain] ?? record.domain,
      township: record.township,
      keyVillage: yesNo(record.isKeyVillage),
      secretary: state.org.secretary.name,
      team: state.team.map((member) => `${TEAM_ROLE_LABELS[member.teamRole]}：${member.name}`).join('\n'),
      source: IDENTIFICATION_SOURCE_LABELS[state.source] ?? state.source,
      listedAt: chinaDay(record.createdAt),
      stage: STAGE_LABELS[record.stage] ?? record.stage,
      round: record.round,
      problems: record.problemCount,
      openProblems: record.openProblemCount,
      measures: record.measureCount,
      measuresDone: record.measuresDone,
      measuresReported: state.measures.filter((measure) => measure.round === state.round && measure.status === 'reported').length,
      planApprovedAt: chinaDay(state.plan.approvedAt ?? approved?.at),
      delistedAt: chinaDay(record.delistedAt),
      overdue: yesNo(record.overdue),
      nextDueAt: chinaDay(record.nextDueAt),
      escalation: ESCALATION_LEVEL_LABELS[record.escalationLevel as EscalationLevel] ?? String(record.escalationLevel),
      talks: record.talks,
      organizationalHandling: yesNo(record.organizationalHandling),
      satisfaction: record.satisfactionRate,
      link: [
        state.carriedFromCaseId ? `滚动自 ${state.carriedFromCaseId}` : '',
        state.rolledOverToCaseId ? `滚动至 ${state.rolledOverToCaseId}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    });
    for (const problem of state.problems) {
      problems.push({
        no: problems.length + 1,
        orgCode: record.orgCode,
        orgName: record.orgName,
        problemId: problem.id,
        category: PROBLEM_CATEGORIES[problem.category] ?? problem.category,
        description: problem.description,
        rootCause: problem.rootCause ?? '',
        round: problem.round,
        status: PROBLEM_STATUS_LABELS[problemStatus(full, problem)],
        carriedFrom: problem.carriedFrom ?? '',
      });
    }
    for (const measure of state.measures) {
      measures.push({
        no: measures.length + 1,
        orgCode: record.orgCode,
        orgName: record.orgName,
        problemId: measure.problemId,
        description: measure.description,
        owner: measure.ownerName,
        dueAt: chinaDay(measure.dueAt),
        round: measure.round,
        status: MEASURE_STATUS_LABELS[measure.status],
        completedAt: chinaDay(measure.completedAt),
        evidence: measure.evidence ?? measure.report?.evidence ?? '',
        verification: verificationNote(measure),
      });
    }
  }
  // Per case, in ledger order: its supervision events, then the county's re-checks of it.
  const eventsOf = groupByCase(events.filter((event) => SUPERVISION_EVENT_LABELS[event.type]));
  const rechecksOf = groupByCase(rechecks);
  const supervision = sorted
    .flatMap((record) => [
      ...(eventsOf.get(record.caseId) ?? [])
        .sort((a, b) => a.seq - b.seq)
        .map((event) => ({ orgCode: record.orgCode, orgName: record.orgName, at: chinaMinute(event.at), kind: SUPERVISION_EVENT_LABELS[event.type], content: event.summary, by: event.actorName })),
      ...(rechecksOf.get(record.caseId) ?? [])
        .sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime())
        .map((recheck) => ({
          orgCode: record.orgCode,
          orgName: record.orgName,
          at: chinaMinute(recheck.checkedAt),
          kind: `抽查复核（${SPOT_CHECK_STAGE_LABELS[recheck.stage]}）`,
          content: `乡镇结论：${passedLabel(recheck.townshipPassed)}；复核结论：${passedLabel(recheck.countyPassed)}${recheck.countyPassed === recheck.townshipPassed ? '' : '，与乡镇结论不一致'}。${recheck.finding}`,
          by: recheck.checkedByName,
        })),
    ])
    .map((row, index) => ({ no: index + 1, ...row }));
  const checks = sorted.flatMap(checksOf).map((row, index) => ({ no: index + 1, ...row }));
  return { title, generatedAt: now.toISOString(), cases, problems, measures, supervision, checks, figures: figuresOf(sorted) };
}

export function figuresOf(records: readonly LedgerCaseRecord[]): LedgerFigures {
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  const townships = new Map<string, LedgerFigures['byTownship'][number]>();
  let unfinished = 0;
  for (const record of records) {
    byStage[record.stage] += 1;
    const done = isConverted(record.stage);
    if (!done) unfinished += 1;
    const township = townships.get(record.township) ?? { township: record.township, total: 0, converted: 0, overdue: 0, talks: 0 };
    township.total += 1;
    township.converted += done ? 1 : 0;
    township.overdue += record.overdue ? 1 : 0;
    township.talks += record.talks;
    townships.set(record.township, township);
  }
  const total = records.length;
  return {
    total,
    byStage,
    unfinished,
    overdue: records.filter((r) => r.overdue).length,
    explanationRequested: records.filter((r) => r.escalationLevel === 1).length,
    talkLevel: records.filter((r) => r.escalationLevel === 2).length,
    organizationalHandling: records.filter((r) => r.escalationLevel === 3).length,
    talks: records.reduce((sum, r) => sum + r.talks, 0),
    converted: total - unfinished,
    conversionRate: conversionRate(total - unfinished, total),
    byTownship: [...townships.values()].sort((a, b) => a.township.localeCompare(b.township, 'zh-CN')),
  };
}

/** 测评 as the ledger says it: when, who took part, how many, and each answer's count. */
function assessmentLine(assessment: Assessment): string {
  return `测评（${chinaDate(assessment.heldAt)}，${assessment.participants}${assessment.respondents}人）：满意${assessment.satisfied}、基本满意${assessment.basicallySatisfied}、不满意${assessment.dissatisfied}，知晓${assessment.aware}`;
}
