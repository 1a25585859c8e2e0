import { isVagueMeasure, planSimilarity, planWarnings, SIMILAR_PLAN_THRESHOLD } from '@zhengdun/domain';

describe('vague measures (假大空)', () => {
  it.each(['加强学习', '进一步加强组织建设', '切实提高党员意识'])('“%s” promises nothing checkable', (text) => {
    expect(isVagueMeasure(text)).toBe(true);
  });

  it.each(['加强学习，每月开展1次集中学习并记录', '进一步规范“三会一课”，6月底前补齐会议记录', '调整支部书记，选派1名县直单位干部任第一书记', '召开党员大会通报整改情况'])(
    '“%s” is concrete',
    (text) => {
      expect(isVagueMeasure(text)).toBe(false);
    },
  );
});

describe('plans copied between branches (你抄我的)', () => {
  const plan = ['每月开展1次主题党日活动，建立活动台账', '6月底前完成支委会补选，配齐班子', '建立党员联系户制度，每名党员联系5户群众'];

  it('a copy with other punctuation and one word changed is near-identical; a plan of its own is not', () => {
    const copy = ['每月开展一次主题党日活动，建立活动台账。', '6月底前完成支委会补选，配齐班子', '建立党员联系户制度：每名党员联系5户群众'];
    expect(planSimilarity(plan, copy)).toBeGreaterThanOrEqual(SIMILAR_PLAN_THRESHOLD);
    const own = ['调解土地流转纠纷，7月底前召开村民代表会议公开账目', '选派县农业农村局干部任第一书记', '每季度向群众公开村务一次'];
    expect(planSimilarity(plan, own)).toBeLessThan(0.5);
  });

  it('warns the approver of vague measures and of the campaign’s near-identical plans, most alike first', () => {
    const measures = [...plan.map((description, i) => ({ id: `m${i + 1}`, description })), { id: 'm4', description: '进一步加强学习' }];
    const warnings = planWarnings(measures, [
      { caseId: 'case:c:A', orgName: '柳营村党支部', measures: plan },
      { caseId: 'case:c:B', orgName: '河口村党支部', measures: ['修缮村级活动场所，9月底前完工'] },
    ]);
    expect(warnings.map((warning) => [warning.kind, warning.kind === 'vague_measure' ? warning.measureId : warning.kind === 'similar_plan' ? warning.orgName : warning.problemId])).toEqual([
      ['vague_measure', 'm4'],
      ['similar_plan', '柳营村党支部'],
    ]);
    expect(warnings[1].messageZh).toContain('请核实是否照搬照抄');
  });
});

describe('problems without a root cause (深挖问题根源)', () => {
  it('warns of each problem of the plan whose root cause is missing or blank, and of no other', () => {
    const measures = [{ id: 'm1', description: '每月开展1次主题党日活动' }];
    const warnings = planWarnings(measures, [], [
      { id: 'p1', description: '组织生活不经常', rootCause: '支委分工不明确' },
      { id: 'p2', description: '村务不公开', rootCause: '  ' },
      { id: 'p3', description: '党员发挥作用不明显' },
    ]);
    expect(warnings.map((warning) => [warning.kind, warning.kind === 'no_root_cause' ? warning.problemId : ''])).toEqual([
      ['no_root_cause', 'p2'],
      ['no_root_cause', 'p3'],
    ]);
    expect(warnings[0].messageZh).toContain('没有写明问题根源');
  });
});
