/**
 * 节假日安排: which years the working-day deadlines can count on (the system's own holiday data, the
 * county's entries, or nothing yet), and, for the county department, the form to enter a year's
 * arrangement from the State Council General Office's notice.
 */
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App as AntApp, Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { apiPut } from '../api/http';
import { queryKeys, useHolidayCalendar } from '../api/queries';
import type { HolidayCalendarView, HolidayYearView, SaveHolidayArrangementRequest } from '../api/views';
import { useUser } from '../auth/session';
import { MissingHolidaysAlert } from '../components/MissingHolidaysAlert';
import { ProblemAlert } from '../components/common';
import { formatDateTime } from '../lib/format';

/** The holidays every year's notice names, in its order; 中秋节 and 国庆节 are sometimes one period. */
const NOTICE_HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const SOURCE_COLORS: Record<HolidayYearView['source'], string> = { entered: 'blue', package: 'green', missing: 'orange' };
const DATE = 'YYYY-MM-DD';

interface ArrangementForm {
  holidays: { name: string; range?: [Dayjs, Dayjs] | null }[];
  makeUpWorkdays?: Dayjs[];
}

function periodText(view: HolidayYearView): string {
  if (view.source === 'package') return '系统内置（随系统更新）';
  if (view.holidays.length === 0) return '—';
  return view.holidays.map((h) => (h.from === h.to ? `${h.name} ${h.from.slice(5)}` : `${h.name} ${h.from.slice(5)}至${h.to.slice(5)}`)).join('；');
}

export default function HolidayCalendarPage() {
  const calendar = useHolidayCalendar();
  const user = useUser();
  const [params] = useSearchParams();
  const mayEnter = user.role === 'county_department';
  const years = calendar.data?.years ?? [];
  const [year, setYear] = useState<number | null>(params.get('year') ? Number(params.get('year')) : null);
  useEffect(() => {
    if (year === null && calendar.data) setYear(calendar.data.missingYears[0] ?? new Date().getFullYear() + 1);
  }, [calendar.data, year]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        节假日安排
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        按工作日计算的期限（整改方案、结果公示、措施核验等）跳过法定节假日，调休上班的周末计为工作日。系统内置的节假日数据只到发布时的年份；国务院办公厅每年秋季公布下一年的安排后，由县委组织部在此录入，此后计算的期限即以此为准（已定的期限不变）。
      </Typography.Paragraph>
      <MissingHolidaysAlert />
      <ProblemAlert error={calendar.error} />
      <Table<HolidayYearView>
        rowKey="year"
        size="small"
        loading={calendar.isLoading}
        pagination={false}
        dataSource={years}
        data-testid="holiday-years"
        columns={[
          { title: '年份', dataIndex: 'year', width: 90 },
          { title: '工作日依据', dataIndex: 'source', width: 120, render: (_, row) => <Tag color={SOURCE_COLORS[row.source]} data-testid={`holiday-source-${row.year}`}>{row.sourceLabel}</Tag> },
          { title: '放假安排', render: (_, row) => periodText(row) },
          { title: '录入', width: 220, render: (_, row) => (row.enteredBy ? `${row.enteredBy} · ${formatDateTime(row.enteredAt)}` : '') },
          ...(mayEnter
            ? [{ title: '', width: 90, render: (_: unknown, row: HolidayYearView) => <Button size="small" onClick={() => setYear(row.year)}>{row.source === 'entered' ? '修改' : '录入'}</Button> }]
            : []),
        ]}
      />
      {mayEnter && year !== null && <ArrangementEditor key={year} year={year} onYear={setYear} existing={years.find((y) => y.year === year)} />}
    </Space>
  );
}

function ArrangementEditor({ year, onYear, existing }: { year: number; onYear: (year: number) => void; existing: HolidayYearView | undefined }) {
  const [form] = Form.useForm<ArrangementForm>();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const initial = useMemo<ArrangementForm>(
    () =>
      existing?.source === 'entered'
        ? { holidays: existing.holidays.map((h) => ({ name: h.name, range: [dayjs(h.from), dayjs(h.to)] })), makeUpWorkdays: existing.makeUpWorkdays.map((d) => dayjs(d)) }
        : { holidays: NOTICE_HOLIDAYS.map((name) => ({ name, range: null })), makeUpWorkdays: [] },
    [existing],
  );
  const save = useMutation({
    mutationFn: (body: SaveHolidayArrangementRequest) => apiPut<HolidayCalendarView>(`/calendar/holidays/${year}`, body),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.holidays, saved);
      void message.success(`${year}年节假日安排已保存`);
    },
  });
  const submit = (values: ArrangementForm) => {
    save.mutate({
      // A holiday left without dates is not saved: the notice may not be out for all of them yet.
      holidays: values.holidays.filter((h) => h.range?.[0] && h.range?.[1]).map((h) => ({ name: h.name.trim(), from: h.range![0].format(DATE), to: h.range![1].format(DATE) })),
      makeUpWorkdays: (values.makeUpWorkdays ?? []).map((d) => d.format(DATE)).sort(),
    });
  };
  return (
    <Card size="small" title={`录入 ${year} 年节假日安排`} data-testid="holiday-editor">
      <ProblemAlert error={save.error} style={{ marginBottom: 12 }} />
      <Form<ArrangementForm> form={form} layout="vertical" initialValues={initial} onFinish={submit} style={{ maxWidth: 720 }}>
        <Form.Item label="年份">
          <InputNumber min={2000} max={2099} value={year} onChange={(value) => value && onYear(value)} data-testid="holiday-year" />
        </Form.Item>
        <Typography.Text strong>放假安排（含首尾两天；未填日期的节日不保存）</Typography.Text>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap data-testid={`holiday-row-${index}`}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}>
                    <Input placeholder="节日名称" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'range']}>
                    <DatePicker.RangePicker placeholder={['放假开始', '放假结束']} data-testid={`holiday-range-${index}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', range: null })} style={{ marginBottom: 16 }}>
                添加节日
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="makeUpWorkdays" label="调休上班日（需要上班的周六、周日）">
          <DatePicker multiple placeholder="选择日期" style={{ width: '100%' }} data-testid="holiday-makeup" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="holiday-save">
          保存 {year} 年节假日安排
        </Button>
      </Form>
    </Card>
  );
}
