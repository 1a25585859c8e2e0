/**
 * 列入整顿名单（单个）: one organization put on the campaign's list by hand — found by an inspection or
 * a petition rather than the screening list — with its secretary and the problems found. The team
 * (四个一) is assigned afterwards on the organization's page.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App as AntApp, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { IDENTIFICATION_SOURCE_LABELS, IDENTIFICATION_SOURCES, ORG_DOMAIN_LABELS, ORG_DOMAINS, PROBLEM_CATEGORIES, problemCategoriesFor, type OrgDomain } from '@zhengdun/domain';
import { apiPost } from '../api/http';
import type { CampaignView, OpenCaseRequest, OpenedCaseView } from '../api/views';
import { ProblemAlert } from '../components/common';

interface Values {
  code: string;
  name: string;
  domain: OrgDomain;
  township: string;
  isKeyVillage?: boolean;
  secretaryId: string;
  secretaryName: string;
  source: OpenCaseRequest['source'];
  problems: { category: OpenCaseRequest['problems'][number]['category']; description: string }[];
}

export function OpenOrganization({ campaign }: { campaign: CampaignView }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const domain = Form.useWatch('domain', form);
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const openCase = useMutation({
    mutationFn: (body: OpenCaseRequest) => apiPost<OpenedCaseView>(`/campaigns/${encodeURIComponent(campaign.id)}/cases`, body),
    // Straight to the organization's page: the next step (落实包抓责任人) is taken there.
    onSuccess: (opened, body) => {
      void message.success(`已将${body.org.name}列入整顿名单`);
      setOpen(false);
      void navigate(`/cases/${encodeURIComponent(opened.caseId)}`);
    },
  });
  const submit = (values: Values) =>
    openCase.mutate({
      org: {
        code: values.code.trim(),
        name: values.name.trim(),
        domain: values.domain,
        township: values.township.trim(),
        isKeyVillage: values.domain === 'rural' && values.isKeyVillage === true,
        secretary: { personId: values.secretaryId.trim(), name: values.secretaryName.trim() },
      },
      source: values.source,
      problems: values.problems.map((problem) => ({ category: problem.category, description: problem.description.trim() })),
    });
  const required = (what: string) => [{ required: true, whitespace: true, message: `请填写${what}` }];
  return (
    <>
      <Button size="small" icon={<UserAddOutlined />} onClick={() => setOpen(true)} data-testid="open-organization">
        列入单个党组织
      </Button>
      <Modal title={`列入整顿名单：${campaign.name}`} open={open} onCancel={() => setOpen(false)} okText="列入整顿名单" confirmLoading={openCase.isPending} onOk={() => form.submit()} destroyOnHidden width={640}>
        <ProblemAlert error={openCase.error} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: 'inspection', problems: [{}] }}>
          <Space.Compact block>
            <Form.Item name="code" label="党组织代码" rules={required('党组织代码')} style={{ width: '40%' }}>
              <Input placeholder="如：410323-001" data-testid="org-code" />
            </Form.Item>
            <Form.Item name="name" label="党组织名称" rules={required('党组织名称')} style={{ width: '60%' }}>
              <Input placeholder="如：青山村党支部" data-testid="org-name" />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item name="domain" label="领域" rules={[{ required: true, message: '请选择领域' }]} style={{ width: '40%' }}>
              <Select options={ORG_DOMAINS.map((value) => ({ value, label: ORG_DOMAIN_LABELS[value] }))} data-testid="org-domain" />
            </Form.Item>
            <Form.Item name="township" label="所属乡镇（街道）或党（工）委" rules={required('所属乡镇')} style={{ width: '60%' }}>
              <Input placeholder="如：青山镇" data-testid="org-township" />
            </Form.Item>
          </Space.Compact>
          {domain === 'rural' && (
            <Form.Item name="isKeyVillage" valuePropName="checked">
              <Checkbox>重点村、难点村</Checkbox>
            </Form.Item>
          )}
          <Space.Compact block>
            <Form.Item name="secretaryName" label="支部书记" rules={required('支部书记姓名')} style={{ width: '50%' }}>
              <Input placeholder="姓名" data-testid="secretary-name" />
            </Form.Item>
            <Form.Item name="secretaryId" label="支部书记人员编号" rules={required('支部书记人员编号')} style={{ width: '50%' }}>
              <Input placeholder="如：sec-410323-001" data-testid="secretary-id" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="source" label="确定方式" rules={[{ required: true, message: '请选择确定方式' }]}>
            <Select options={IDENTIFICATION_SOURCES.filter((value) => value !== 'rollover').map((value) => ({ value, label: IDENTIFICATION_SOURCE_LABELS[value] }))} />
          </Form.Item>
          <Form.List name="problems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'category']} label={index === 0 ? '查摆问题' : undefined} rules={[{ required: true, message: '请选择问题类别' }]}>
                      <Select style={{ width: 220 }} placeholder="问题类别" options={problemCategoriesFor(domain ?? 'rural').map((value) => ({ value, label: PROBLEM_CATEGORIES[value] }))} data-testid="problem-category" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'description']} label={index === 0 ? '具体表现' : undefined} rules={required('问题的具体表现')}>
                      <Input style={{ width: 300 }} placeholder="如：“三会一课”不经常，组织生活流于形式" data-testid="problem-description" />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: index === 0 ? 38 : 8 }} />}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} block>
                  再加一个问题
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
