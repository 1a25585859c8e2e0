/**
 * 回头看: the four checks of 004 (and 002's 限期整改 check where the case had such problems), each with
 * what was found; problems that came back, problems newly found, and the opinion. With problems found,
 * the case is either reopened here or rolled into a next campaign of the county (滚动整顿).
 */
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CASE_ACTIONS,
  PROBLEM_CATEGORIES,
  REVIEW_CHECK_KEYS,
  REVIEW_CHECK_LABELS,
  TEXT_MAX,
  chinaDate,
  problemCategoriesFor,
  problemInput,
  reviewChecksFor,
  reviewFindings,
  type ProblemCategory,
  type ReviewChecks,
  type ReviewFindings,
} from '@zhengdun/domain';
import { useCampaignList } from '../../api/queries';
import type { ActionRequestBody } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule, type FieldDescription } from '../schema-fields';
import { PassFailField, problemLabel } from '../shared-fields';

/** As validated: every check is answered and the opinion is there (each has a required rule). */
interface Values {
  checks: ActionRequestBody<'recordFollowUpReview'>['checks'];
  findings?: ReviewFindings;
  opinion: string;
  reboundedProblemIds?: string[];
  newProblems?: { category?: ProblemCategory; description?: string }[];
  nextCampaignId?: string;
}

const body = CASE_ACTIONS.recordFollowUpReview.body;
const OPINION = describeField(body, 'opinion');
const REBOUNDED = describeField(body, 'reboundedProblemIds');
const NEW_PROBLEMS = describeField(body, 'newProblems');
const NEXT_CAMPAIGN = describeField(CASE_ACTIONS.recordFollowUpReview.request!, 'nextCampaignId');
const CATEGORY = describeField(problemInput, 'category');
const FINDINGS = Object.fromEntries(REVIEW_CHECK_KEYS.map((key) => [key, describeField(reviewFindings, key)])) as Record<keyof ReviewChecks, FieldDescription>;
const DESCRIPTION = describeField(problemInput, 'description');

/** Each check with 合格 / 不合格 and what was found; a failed check must say it. */
function ReviewChecksFields({ state }: Pick<ActionFormProps, 'state'>) {
  const checks = Form.useWatch<ReviewChecks | undefined>('checks');
  return (
    <>
      {reviewChecksFor(state).map((key) => {
        const label = REVIEW_CHECK_LABELS[key];
        const failed = checks?.[key] === false;
        return (
          <Row key={key} gutter={8}>
            <Col xs={24} sm={9}>
              <PassFailField name={key} label={label} />
            </Col>
            <Col xs={24} sm={15}>
              <Form.Item
                name={['findings', key]}
                label={FINDINGS[key].label}
                rules={failed ? [{ required: true, whitespace: true, message: `“${label}”不合格，请写明检查发现的情况` }] : []}
              >
                <Input maxLength={TEXT_MAX} placeholder={failed ? '写明发现的问题' : FINDINGS[key].placeholder} data-testid={`finding-${key}`} />
              </Form.Item>
            </Col>
          </Row>
        );
      })}
    </>
  );
}

function Fields({ state }: ActionFormProps) {
  const categoryOptions = problemCategoriesFor(state.org.domain).map((key) => ({ value: key, label: PROBLEM_CATEGORIES[key] }));
  const campaigns = useCampaignList();
  const rebounded = Form.useWatch<string[] | undefined>('reboundedProblemIds');
  const newProblems = Form.useWatch<Values['newProblems']>('newProblems');
  const found = (rebounded?.length ?? 0) > 0 || (newProblems ?? []).some((row) => row?.category);
  // Another campaign still running: one already ended would leave the carried problems no date to be due by.
  const nextCampaigns = (campaigns.data ?? []).filter((campaign) => campaign.id !== state.campaign.id && Date.parse(campaign.endsAt) > Date.now());
  return (
    <>
      <ReviewChecksFields state={state} />
      <Form.Item name="reboundedProblemIds" label={REBOUNDED.label}>
        <Select mode="multiple" allowClear options={state.problems.map((p) => ({ value: p.id, label: problemLabel(state, p.id) }))} placeholder="无反弹则不选" />
      </Form.Item>
      <Form.List name="newProblems">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8}>
                <Col xs={24} sm={9}>
                  <Form.Item name={[field.name, 'category']} label={`${NEW_PROBLEMS.label}：${CATEGORY.label}`} rules={requiredRule(CATEGORY, '选择')}>
                    <Select options={categoryOptions} showSearch optionFilterProp="label" />
                  </Form.Item>
                </Col>
                <Col xs={22} sm={13}>
                  <Form.Item name={[field.name, 'description']} label={DESCRIPTION.label} rules={requiredRule(DESCRIPTION)}>
                    <Input placeholder={DESCRIPTION.placeholder} />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ paddingTop: 30 }}>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
              增加{NEW_PROBLEMS.label}
            </Button>
          </>
        )}
      </Form.List>
      {found && (
        <Form.Item name="nextCampaignId" label={NEXT_CAMPAIGN.label} extra="不选则在本批次重新整顿；本批次已截止的，须由县委组织部设定整改期限">
          <Select
            allowClear
            loading={campaigns.isLoading}
            placeholder="在本批次重新整顿"
            options={nextCampaigns.map((campaign) => ({ value: campaign.id, label: `${campaign.name}（${chinaDate(campaign.endsAt)} 截止）` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="opinion" label={OPINION.label} rules={requiredRule(OPINION)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={OPINION.placeholder} />
      </Form.Item>
    </>
  );
}

export const recordFollowUpReviewForm: ActionForm<'recordFollowUpReview', Values> = {
  wide: true,
  initialValues: (state) => ({ checks: Object.fromEntries(reviewChecksFor(state).map((key) => [key, true])) as Values['checks'], reboundedProblemIds: [], newProblems: [] }),
  Fields,
  body: (values) => ({
    checks: values.checks,
    findings: Object.fromEntries(Object.entries(values.findings ?? {}).flatMap(([key, finding]) => (finding?.trim() ? [[key, finding.trim()]] : []))),
    opinion: values.opinion.trim(),
    reboundedProblemIds: values.reboundedProblemIds ?? [],
    newProblems: (values.newProblems ?? []).flatMap((row) => (row.category ? [{ category: row.category, description: (row.description ?? '').trim() }] : [])),
    ...(values.nextCampaignId ? { nextCampaignId: values.nextCampaignId } : {}),
  }),
};
