/**
 * 督导检查 (004: 四不两直、明查暗访、抽查; the department's own checks, not the townships' self-checks): the
 * county or the township committee records a visit — how it was made, when, who went, what was found.
 * A finding may add a problem while the case can still rectify it: the problem is reopened at once,
 * and the branch adds measures for it like any 限期整改 problem.
 */
import type { SupervisionRecord } from '../case-state';
import { chinaDate } from '../china-time';
import { SUPERVISION_KIND_LABELS } from '../labels';
import type { ProblemInput } from '../problems';
import { violation } from '../rule-violation';
import { committeeOf, countyOf, notify, record, secretaryOf, trimmed, type Draft } from './draft';
import { assertValidProblems } from './identification';
import { addProblem, reopenProblems } from './remediation';

export interface SupervisionVisit {
  kind: SupervisionRecord['kind'];
  visitedAt: string;
  visitors: string;
  findings: string;
  newProblem?: ProblemInput;
}

export function recordSupervision(draft: Draft, visit: SupervisionVisit): void {
  const { state } = draft;
  const visitors = trimmed(visit.visitors);
  const findings = trimmed(visit.findings);
  if (visitors.length === 0) throw violation('invalid_input', '请填写参加督查的人员', 'a visit names who went', { field: 'visitors' });
  if (findings.length === 0) throw violation('reason_required', '请填写督查发现的情况', 'a visit records what was found', { field: 'findings' });
  if (Date.parse(visit.visitedAt) > Date.parse(draft.now)) throw violation('invalid_date', '督查日期不能晚于今天', 'a visit cannot lie in the future', { field: 'visitedAt' });
  if (visit.newProblem) {
    if (state.stage !== 'remediating') {
      throw violation('wrong_stage', '督查发现的新问题只能在整顿实施阶段列入；方案阶段请退回方案补充，公示和验收阶段请通过异议处理或验收不通过提出', 'a visit adds a problem only during remediation', {
        field: 'newProblem',
      });
    }
    assertValidProblems([visit.newProblem]);
  }
  const label = SUPERVISION_KIND_LABELS[visit.kind];
  const entry: SupervisionRecord = { kind: visit.kind, visitedAt: new Date(visit.visitedAt).toISOString(), visitors, findings, recordedAt: draft.now, recordedBy: draft.actor };
  (state.supervisions ??= []).push(entry);
  record(draft, 'supervision_recorded', `${label}（${chinaDate(entry.visitedAt)}，${visitors}）：${findings}`);
  if (visit.newProblem) {
    entry.addedProblemId = addProblem(draft, visit.newProblem);
    reopenProblems(draft, [{ problemId: entry.addedProblemId, reason: `${label}发现：${findings}` }], 'supervision');
  }
  // The county's visit is news to the township committee; the committee's, to the county (it must not rely on self-checks).
  const other = draft.actor.role === 'county_department' ? committeeOf(state) : countyOf(state);
  notify(draft, 'supervision_recorded', [other, secretaryOf(state)], `${label}督查情况`, `${chinaDate(entry.visitedAt)} ${visitors}：${findings}`);
}
