/**
 * 县级验收: the three checks, the 测评 (满意 and 知晓, judged against the campaign's thresholds) and the
 * opinion; the public's online rating beside them, as a signal. Cases opened before the 测评 was
 * introduced keep the optional on-site survey, counted with the online ratings.
 */
import { Col, Descriptions, Form, Input, InputNumber, Row } from 'antd';
import dayjs from 'dayjs';
import { CASE_ACTIONS, TEXT_MAX, acceptanceChecks, assessmentRulesOf, publicAudienceOf, satisfactionRate, survey } from '@zhengdun/domain';
import type { ActionRequestBody } from '../../api/views';
import { percent } from '../../lib/format';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';
import { AssessmentFields, ChecksFields, UnresolvedProblemsField, allPassed, assessmentBody, unresolvedProblemsBody, type AssessmentRow, type UnresolvedRow } from '../shared-fields';

/** As validated: every check is answered and the opinion is there; the survey is optional. */
interface Values {
  checks: ActionRequestBody<'recordCountyAcceptance'>['checks'];
  opinion: string;
  surveyRespondents?: number | null;
  surveySatisfied?: number | null;
  assessment?: AssessmentRow;
  unresolved?: UnresolvedRow[];
}

const OPINION = describeField(CASE_ACTIONS.recordCountyAcceptance.body, 'opinion');
const SURVEY = describeField(CASE_ACTIONS.recordCountyAcceptance.body, 'survey');
const RESPONDENTS = describeField(survey, 'respondents');
const SATISFIED = describeField(survey, 'satisfied');

function Fields({ state }: ActionFormProps) {
  if (state.acceptanceBasis === 'assessment') {
    const rules = assessmentRulesOf(state.policy);
    return (
      <>
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="验收要求（本批次设置）">
            测评满意率 {percent(rules.satisfaction, 0)} 以上，知晓率 {percent(rules.awareness, 0)} 以上
          </Descriptions.Item>
          <Descriptions.Item label="群众在线评价（仅供参考）">{percent(satisfactionRate(state.satisfaction))}</Descriptions.Item>
        </Descriptions>
        <ChecksFields schema={acceptanceChecks} />
        <AssessmentFields required />
        <UnresolvedProblemsField state={state} />
        <Form.Item name="opinion" label={OPINION.label} rules={requiredRule(OPINION)}>
          <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={OPINION.placeholder} />
        </Form.Item>
      </>
    );
  }
  return (
    <>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="群众在线测评满意率">{percent(satisfactionRate(state.satisfaction))}</Descriptions.Item>
        <Descriptions.Item label="验收要求">{percent(state.policy.satisfactionThreshold, 0)} 以上</Descriptions.Item>
      </Descriptions>
      <ChecksFields schema={acceptanceChecks} />
      <UnresolvedProblemsField state={state} />
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="surveyRespondents" label={`${SURVEY.label}：${RESPONDENTS.label}（可选）`}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="surveySatisfied" label={SATISFIED.label}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="opinion" label={OPINION.label} rules={requiredRule(OPINION)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={OPINION.placeholder} />
      </Form.Item>
    </>
  );
}

export const recordCountyAcceptanceForm: ActionForm<'recordCountyAcceptance', Values> = {
  initialValues: (state) => ({ checks: allPassed(acceptanceChecks), assessment: { heldAt: dayjs(), participants: `党员、${publicAudienceOf(state.org.domain).people}代表` } }),
  Fields,
  // A survey is sent when anyone took part; whether its counts add up is the API's to say.
  body: (values, state) => {
    if (state.acceptanceBasis === 'assessment') return { checks: values.checks, opinion: values.opinion.trim(), ...assessmentBody(values.assessment), ...unresolvedProblemsBody(values.unresolved) };
    const respondents = values.surveyRespondents ?? 0;
    const survey = respondents > 0 ? { survey: { respondents, satisfied: values.surveySatisfied ?? 0 } } : {};
    return { checks: values.checks, opinion: values.opinion.trim(), ...survey, ...unresolvedProblemsBody(values.unresolved) };
  },
};
