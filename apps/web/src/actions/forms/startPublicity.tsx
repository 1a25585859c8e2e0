/** 启动结果公示: nothing to fill in; the form says what publicity opens and how many measures are still pending. */
import { Typography } from 'antd';
import { currentMeasures, publicAudienceOf } from '@zhengdun/domain';
import { asCaseState } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';

function Fields({ state }: ActionFormProps) {
  const measures = currentMeasures(asCaseState(state));
  const pending = measures.filter((m) => m.status === 'pending').length;
  const audience = publicAudienceOf(state.org.domain);
  return (
    <Typography.Paragraph>
      启动后，整顿结果向{audience.members}公示，公示期内{audience.people}可以提出异议、在线评价（供验收参考）。本轮措施 {measures.length} 条，
      {pending > 0 ? <Typography.Text type="danger">尚有 {pending} 条未销项。</Typography.Text> : '已全部销项。'}
    </Typography.Paragraph>
  );
}

export const startPublicityForm: ActionForm<'startPublicity', Record<string, never>> = {
  initialValues: () => ({}),
  Fields,
  body: () => ({}),
};
