/** Small shared pieces: stage and escalation tags, the live indicator, and an API refusal shown in plain words. */
import { Alert, Badge, Tag, Tooltip } from 'antd';
import { ESCALATION_LEVEL_LABELS, STAGE_LABELS, type EscalationLevel, type Stage } from '@zhengdun/domain';
import { ApiProblem, describeError } from '../api/http';
import { formatTime } from '../lib/format';
import { ESCALATION_LEVEL_COLORS, STAGE_COLORS } from '../lib/labels';

export function StageTag({ stage }: { stage: Stage }) {
  return (
    <Tag color={STAGE_COLORS[stage]} data-testid="stage-tag" data-stage={stage}>
      {STAGE_LABELS[stage]}
    </Tag>
  );
}

export function EscalationTag({ level, talks }: { level: number; talks?: number }) {
  if (!level) return <span style={{ color: '#999' }}>—</span>;
  const safe = Math.min(3, Math.max(0, level)) as EscalationLevel;
  return (
    <Tag color={ESCALATION_LEVEL_COLORS[safe]}>
      {ESCALATION_LEVEL_LABELS[safe]}
      {talks ? `（约谈${talks}次）` : ''}
    </Tag>
  );
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  return overdue ? <Tag color="error">逾期</Tag> : null;
}

/** "实时更新 · 15:02:11", or a warning when the last poll failed. Takes a polled query as is. */
export function LiveIndicator({ query }: { query: { dataUpdatedAt: number; error: unknown } }) {
  const lastUpdated = query.dataUpdatedAt ? new Date(query.dataUpdatedAt) : null;
  const error = query.error;
  if (error) {
    return (
      <Tooltip title={describeError(error)}>
        <Badge status="error" text={<span style={{ color: '#cf1322' }}>连接中断，正在重试（数据截至 {formatTime(lastUpdated)}）</span>} />
      </Tooltip>
    );
  }
  return (
    <Tooltip title="其他同志的操作会在几秒内自动显示，无需刷新页面">
      <Badge status="processing" text={<span style={{ color: '#666' }} data-testid="live-indicator">实时更新 · {formatTime(lastUpdated)}</span>} />
    </Tooltip>
  );
}

/** The API's refusal: its Chinese detail, and the fields it names. */
export function ProblemAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : null;
  const fieldErrors = problem?.errors.filter((item) => item.detail !== problem.detail) ?? [];
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      data-testid="problem-alert"
      title={problem ? problem.title : '操作未成功'}
      description={
        <div>
          <div data-testid="problem-detail">{describeError(error)}</div>
          {fieldErrors.length > 0 && (
            <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
              {fieldErrors.map((item, index) => (
                <li key={index}>{item.detail}</li>
              ))}
            </ul>
          )}
        </div>
      }
    />
  );
}
