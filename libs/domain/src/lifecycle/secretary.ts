/**
 * 调整书记: replacing an incompetent or negligent branch secretary — with one sent from a county or
 * township agency (选派) when the village has no one suitable — is the headline rural measure (000, 002).
 * From the recorded date the new secretary holds the post: authorization, notifications and talks use
 * `org.secretary`; `secretaries` keeps who held it when.
 */
import { chinaDate } from '../china-time';
import { currentMeasures } from '../case-state';
import { violation } from '../rule-violation';
import { committeeOf, notify, record, secretaryOf, trimmed, type Draft } from './draft';

export interface SecretaryReplacement {
  personId: string;
  name: string;
  /** 选派: the agency the new secretary is sent from; absent when chosen from the village or unit itself. */
  sentFrom?: string;
  effectiveAt: string;
  reason: string;
}

export function replaceSecretary(draft: Draft, replacement: SecretaryReplacement): void {
  const { state } = draft;
  const old = state.org.secretary;
  const name = trimmed(replacement.name);
  const reason = trimmed(replacement.reason);
  const sentFrom = trimmed(replacement.sentFrom);
  if (replacement.personId === old.personId) {
    throw violation('same_secretary', `${old.name}已是本支部书记，无需调整`, 'this person already holds the post', { field: 'personId' });
  }
  if (name.length === 0) throw violation('invalid_input', '请填写新任书记姓名', 'the new secretary needs a name', { field: 'name' });
  if (reason.length === 0) throw violation('reason_required', '请写明调整原因', 'a replacement needs a reason', { field: 'reason' });
  if (replacement.sentFrom !== undefined && sentFrom.length === 0) {
    throw violation('invalid_input', '选派的书记须写明选派单位', 'a secretary sent from an agency needs the agency named', { field: 'sentFrom' });
  }
  const effectiveAt = new Date(replacement.effectiveAt).toISOString();
  const terms = (state.secretaries ??= [{ personId: old.personId, name: old.name, from: state.createdAt }]);
  const holding = terms[terms.length - 1];
  if (Date.parse(effectiveAt) > Date.parse(draft.now) || Date.parse(effectiveAt) < Date.parse(holding.from)) {
    throw violation(
      'invalid_date',
      `任职日期须在现任书记${holding.name}任职之后、且不晚于今天`,
      'the replacement date must fall after the current holder took the post and not in the future',
      { field: 'effectiveAt' },
    );
  }
  holding.until = effectiveAt;
  terms.push({ personId: replacement.personId, name, from: effectiveAt, ...(sentFrom ? { sentFrom } : {}), reason, recordedBy: draft.actor });
  state.org.secretary = { personId: replacement.personId, name };
  // The measures the old secretary answered for pass to the new one; those of other owners stay theirs.
  for (const measure of currentMeasures(state)) {
    if (measure.status !== 'done' && measure.ownerId === old.personId) {
      measure.ownerId = replacement.personId;
      measure.ownerName = name;
    }
  }
  const how = sentFrom ? `（选派自${sentFrom}）` : '';
  record(draft, 'secretary_replaced', `调整支部书记：${old.name} → ${name}${how}，自 ${chinaDate(effectiveAt)} 起任职。原因：${reason}`);
  notify(
    draft,
    'secretary_replaced',
    [secretaryOf(state), committeeOf(state)],
    `支部书记调整为${name}`,
    `自 ${chinaDate(effectiveAt)} 起由${name}${how}任支部书记，负责本支部整顿工作（原书记${old.name}）。原因：${reason}`,
  );
}
