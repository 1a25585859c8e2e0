import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useHolidayCalendar } from '../api/queries';
import { useUser } from '../auth/session';

/**
 * Says which years the deadlines reach that have no holiday arrangement: there working days count
 * Monday to Friday, so a deadline across New Year's Day or the Spring Festival comes too early.
 */
export function MissingHolidaysAlert() {
  const calendar = useHolidayCalendar();
  const user = useUser();
  const navigate = useNavigate();
  const missing = calendar.data?.missingYears ?? [];
  if (missing.length === 0) return null;
  const years = missing.map((year) => `${year}年`).join('、');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="missing-holidays"
      title={`${years}的法定节假日安排尚未录入`}
      description={`这些年份的工作日暂按周一至周五计算，跨元旦、春节等假期的期限会偏早。${user.role === 'county_department' ? '请依国务院办公厅通知录入放假和调休安排。' : '请县委组织部依国务院办公厅通知录入。'}`}
      action={
        user.role === 'county_department' ? (
          <Button size="small" type="primary" onClick={() => void navigate(`/calendar?year=${missing[0]}`)} data-testid="missing-holidays-enter">
            去录入
          </Button>
        ) : undefined
      }
    />
  );
}
