/**
 * The shapes people fill in, once: each field's type, bounds and Chinese label (`meta.title`). Action
 * definitions compose them; the API validates and documents requests with them, the UI labels its
 * forms with them. Shape only — the rules (a concrete measure, a reason that is not blank …) are
 * the lifecycle's, so that they hold for every caller, the workflow's validator included.
 */
import { z } from 'zod';
import { ACCEPTANCE_CHECK_LABELS, REVIEW_CHECK_LABELS } from '../labels';
import { PROBLEM_CATEGORIES, type ProblemCategory } from '../problems';
import { TEAM_ROLES } from '../team';
import type { AcceptanceChecks, MeasureDraft, ReviewChecks, ReviewFindings, RootCauseDraft } from './payloads';

/** Free text a person writes: an opinion, a reason, evidence. */
export const TEXT_MAX = 2000;

/** Identifiers are plain ASCII; they end up in URLs, keys and search attributes. */
export const ID_PATTERNS = {
  campaign: /^[A-Za-z0-9_-]{1,64}$/,
  orgCode: /^[A-Za-z0-9_.-]{1,64}$/,
  /** `case:<campaignId>:<orgCode>`, as caseIdFor builds it. */
  case: /^case:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_.-]{1,64}$/,
  person: /^[A-Za-z0-9_.:@-]{1,128}$/,
  problem: /^p\d{1,6}$/,
  measure: /^m\d{1,6}$/,
  /** Objections and ratings from the public. */
  signal: /^[A-Za-z0-9_-]{1,64}$/,
  /** `plan:r1`, `measure:m3`, `report:<ISO instant>`, `rectification:<ISO instant>`. */
  dueItemKey: /^[A-Za-z0-9:._+-]{1,100}$/,
} as const;

export const NOT_BLANK = /\S/;

export const text = (title: string, example?: string) =>
  z.string().max(TEXT_MAX).meta({ title, ...(example ? { examples: [example] } : {}) });

const personName = (title: string) => z.string().regex(NOT_BLANK).max(100).meta({ title });

export const instant = (title: string) =>
  z.iso.datetime({ offset: true }).meta({ title, description: 'ISO 8601，如 2026-09-30T00:00:00+08:00' });

export const measureDraft = z
  .strictObject({
    problemId: z.string().regex(ID_PATTERNS.problem).meta({ title: '对应问题', examples: ['p1'] }),
    description: text('整改措施', '每月召开党员大会，落实“三会一课”并建立台账'),
    ownerId: z.string().regex(ID_PATTERNS.person).meta({ title: '责任人编号', examples: ['sec-410323-001'] }),
    ownerName: z.string().max(100).meta({ title: '责任人', examples: ['王建国'] }),
    dueAt: instant('完成时限'),
  })
  .meta({ title: '整改措施' }) satisfies z.ZodType<MeasureDraft>;

export const measureList = (max: number) => z.array(measureDraft).min(1).max(max).meta({ title: '整改措施', description: '每个问题至少一条措施，明确责任人和时限' });

export const rootCause = z
  .strictObject({
    problemId: z.string().regex(ID_PATTERNS.problem).meta({ title: '对应问题', examples: ['p1'] }),
    cause: text('问题根源', '支委会分工不明确，党员大会长期由书记一人召集'),
  })
  .meta({ title: '问题根源' }) satisfies z.ZodType<RootCauseDraft>;

export const rootCauseList = (max: number) =>
  z.array(rootCause).max(max).meta({ title: '问题根源', description: '深挖问题根源：每个问题为什么出现。未写的问题保留上一版方案的分析' });

export const teamMember = z
  .strictObject({
    teamRole: z.enum(TEAM_ROLES).meta({ title: '包抓角色', description: '四个一等，须适用于该组织的领域' }),
    personId: z.string().regex(ID_PATTERNS.person).meta({ title: '人员编号', examples: ['lead-county'] }),
    name: personName('姓名'),
    title: z.string().max(200).optional().meta({ title: '职务或单位', examples: ['县委常委、组织部部长'] }),
    isTownshipPartySecretary: z.boolean().optional().meta({ title: '是否乡镇党委书记', description: '重点村、难点村的包村乡镇领导须为乡镇党委书记' }),
    appointingUnit: z
      .string()
      .regex(NOT_BLANK)
      .max(100)
      .optional()
      .meta({ title: '选派单位', description: '非公企业的联系领导、党建指导员须注明选派单位', examples: ['县市场监督管理局'] }),
  })
  .meta({ title: '包抓责任人' });

export const problemInput = z
  .strictObject({
    category: z.enum(Object.keys(PROBLEM_CATEGORIES) as [ProblemCategory, ...ProblemCategory[]]).meta({ title: '问题类别' }),
    description: z.string().regex(NOT_BLANK).max(TEXT_MAX).meta({ title: '问题描述', examples: ['“三会一课”不经常，组织生活流于形式'] }),
  })
  .meta({ title: '问题' });

export const acceptanceChecks = z
  .strictObject({
    ledger: z.boolean().meta({ title: ACCEPTANCE_CHECK_LABELS.ledger }),
    plan: z.boolean().meta({ title: ACCEPTANCE_CHECK_LABELS.plan }),
    results: z.boolean().meta({ title: ACCEPTANCE_CHECK_LABELS.results }),
  })
  .meta({ title: '验收检查' }) satisfies z.ZodType<AcceptanceChecks>;

export const reviewChecks = z
  .strictObject({
    measuresCarriedOut: z.boolean().meta({ title: REVIEW_CHECK_LABELS.measuresCarriedOut }),
    mechanismsWorking: z.boolean().meta({ title: REVIEW_CHECK_LABELS.mechanismsWorking }),
    promisesDelivered: z.boolean().meta({ title: REVIEW_CHECK_LABELS.promisesDelivered }),
    unqualifiedMembersHandled: z.boolean().meta({ title: REVIEW_CHECK_LABELS.unqualifiedMembersHandled }),
    deadlineProblemsSolved: z
      .boolean()
      .optional()
      .meta({ title: REVIEW_CHECK_LABELS.deadlineProblemsSolved, description: '整顿中曾限期整改的（验收未通过、异议属实、督导发现），须回答' }),
  })
  .meta({ title: '回头看检查' }) satisfies z.ZodType<ReviewChecks>;

const finding = (key: keyof ReviewChecks) =>
  z.string().max(TEXT_MAX).optional().meta({ title: `${REVIEW_CHECK_LABELS[key]}情况`, examples: ['“三会一课”按月召开，记录齐全'] });

/** 回头看: a finding in words per check; a check answered 不合格 must say what was found. */
export const reviewFindings = z
  .strictObject({
    measuresCarriedOut: finding('measuresCarriedOut'),
    mechanismsWorking: finding('mechanismsWorking'),
    promisesDelivered: finding('promisesDelivered'),
    unqualifiedMembersHandled: finding('unqualifiedMembersHandled'),
    deadlineProblemsSolved: finding('deadlineProblemsSolved'),
  })
  .meta({ title: '回头看检查情况', description: '逐项写明检查情况；不合格的项必须写明' }) satisfies z.ZodType<ReviewFindings>;

/** 限期整改: the problems a failed acceptance finds not resolved, each with why. */
export const unresolvedProblems = z
  .array(
    z.strictObject({
      problemId: z.string().regex(ID_PATTERNS.problem).meta({ title: '问题' }),
      reason: z.string().regex(NOT_BLANK).max(TEXT_MAX).meta({ title: '未整改到位的原因' }),
    }),
  )
  .max(50)
  .meta({ title: '未整改到位的问题', description: '未通过时必填：逐个指出未整改到位的问题及原因，这些问题重新整改（限期整改）' });

export const survey = z
  .strictObject({
    respondents: z.int().min(0).max(1_000_000).meta({ title: '参加测评人数' }),
    satisfied: z.int().min(0).max(1_000_000).meta({ title: '满意（含基本满意）人数' }),
  })
  .meta({ title: '满意度测评（旧）', description: '2026年12月前开始的整顿对象使用：与群众在线评价合并计算；此后请录入“测评”' });

const headcount = (title: string) => z.int().min(0).max(100_000).meta({ title });

/**
 * 测评: the assessment held for an acceptance among Party members and villager (or staff)
 * representatives — who was satisfied, and who knows what was rectified (群众是否知晓满意, 000).
 */
export const assessment = z
  .strictObject({
    heldAt: instant('测评日期'),
    participants: z.string().regex(NOT_BLANK).max(200).meta({ title: '参加人员', examples: ['党员、村民代表'] }),
    respondents: z.int().min(1).max(100_000).meta({ title: '参加测评人数' }),
    satisfied: headcount('满意'),
    basicallySatisfied: headcount('基本满意'),
    dissatisfied: headcount('不满意'),
    aware: headcount('知晓整顿情况人数'),
  })
  .meta({ title: '测评', description: '验收时在党员和群众（职工）代表中组织的满意度与知晓率测评；县级验收以此判定，群众在线评价仅供参考' });

/** The proposals (talk, organizational handling) the system made on a case: `proposal-1` … */
export const proposalId = (title: string) => z.string().regex(/^proposal-\d{1,6}$/).meta({ title, examples: ['proposal-1'] });
