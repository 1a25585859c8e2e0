/**
 * Plan quality, as warnings to the approver — never refusals: the committee decides. Two things the
 * seeds warn about: measures that say nothing concrete (假大空: 加强、进一步、切实 … with nothing one
 * could count or check), plans copied between branches (001: 十几个党支部同一个方案，你抄我的), and
 * problems whose root cause the plan does not say (000: 深挖问题根源).
 */

/** Verbs of intent that, alone, promise nothing checkable. */
export const VAGUE_WORDS = ['加强', '进一步', '切实', '不断', '努力', '积极', '认真', '全面提升', '持续推进', '高度重视'] as const;

/** A number with a unit (3次, 两名, 每月一次), a schedule, or a date: something one can count or check. */
const CONCRETE = /[0-9０-９一二三四五六七八九十两百千]+\s*(次|个|场|名|人|项|份|期|天|日|周|月|年|季度|篇|条|户|本|套|处|元|万|小时|%|％)|每(天|日|周|月|季度|年|半年)|月底|季度末|年底前|\d{1,2}月\d{0,2}/;

/** A measure that leans on a vague verb and names nothing countable or dated. */
export function isVagueMeasure(description: string): boolean {
  const text = description.trim();
  return VAGUE_WORDS.some((word) => text.includes(word)) && !CONCRETE.test(text);
}

/** Letters and digits only, so that punctuation and spacing do not hide a copy. */
function normalized(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i += 1) {
    const pair = text.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/**
 * How alike two plans read, 0 to 1: the Sørensen–Dice coefficient over character bigrams of their
 * measures' text (organization names left in; a copied plan usually keeps the rest word for word).
 */
export function planSimilarity(a: readonly string[], b: readonly string[]): number {
  const left = bigrams(normalized(a.join('')));
  const right = bigrams(normalized(b.join('')));
  const total = [...left.values(), ...right.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, n] of left) shared += Math.min(n, right.get(pair) ?? 0);
  return (2 * shared) / total;
}

/** From this similarity on, a plan is shown to the approver as near-identical to the other. */
export const SIMILAR_PLAN_THRESHOLD = 0.85;

export type PlanWarning =
  | { kind: 'vague_measure'; measureId: string; description: string; messageZh: string }
  | { kind: 'similar_plan'; caseId: string; orgName: string; similarity: number; messageZh: string }
  | { kind: 'no_root_cause'; problemId: string; description: string; messageZh: string };

export interface PlanText {
  caseId: string;
  orgName: string;
  measures: readonly string[];
}

/**
 * The warnings an approver should see before approving `measures`, given the campaign's other plans
 * and the problems the plan answers (those of the current round).
 */
export function planWarnings(
  measures: readonly { id: string; description: string }[],
  others: readonly PlanText[],
  problems: readonly { id: string; description: string; rootCause?: string }[] = [],
): PlanWarning[] {
  const warnings: PlanWarning[] = measures
    .filter((measure) => isVagueMeasure(measure.description))
    .map((measure) => ({
      kind: 'vague_measure',
      measureId: measure.id,
      description: measure.description,
      messageZh: `措施“${measure.description.slice(0, 40)}”只有“加强、进一步”一类表述，没有可检查的数量、频次或时间`,
    }));
  const texts = measures.map((measure) => measure.description);
  const similar = others
    .map((other) => ({ other, similarity: planSimilarity(texts, other.measures) }))
    .filter(({ similarity }) => similarity >= SIMILAR_PLAN_THRESHOLD)
    .sort((x, y) => y.similarity - x.similarity)
    .slice(0, 5);
  for (const { other, similarity } of similar) {
    warnings.push({
      kind: 'similar_plan',
      caseId: other.caseId,
      orgName: other.orgName,
      similarity: Math.round(similarity * 100) / 100,
      messageZh: `与${other.orgName}的整顿方案高度相似（相似度 ${Math.round(similarity * 100)}%），请核实是否照搬照抄、一村一策`,
    });
  }
  for (const problem of problems.filter((candidate) => !candidate.rootCause?.trim())) {
    warnings.push({
      kind: 'no_root_cause',
      problemId: problem.id,
      description: problem.description,
      messageZh: `问题“${problem.description.slice(0, 40)}”没有写明问题根源，整改措施可能只治标`,
    });
  }
  return warnings;
}
