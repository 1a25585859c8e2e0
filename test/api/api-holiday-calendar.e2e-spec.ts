/**
 * 节假日安排: the shipped holiday package stops at the year of its release; a campaign that ends later
 * counts working days Monday to Friday there, and says so. The county enters the year's arrangement
 * from the State Council's notice; bad entries are refused in words and change nothing; working-day
 * deadlines computed afterwards count on it; the entry is in the audit trail under the clerk's name.
 */
import { createCaseActivities } from '@zhengdun/activities';
import { chinaDate, type CampaignPolicy } from '@zhengdun/domain';
import { campaignBody } from '../support/api-fixtures';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { committee, county, SECONDS_POLICY } from '../support/cases';

// A year no holiday package knows yet: the campaign ends in it.
const YEAR = 2030;
const arrangement = {
  // 2030-01-01 is a Tuesday; the notice makes Monday 31 Dec a day off and Sunday 29 Dec a working day.
  holidays: [
    { name: '元旦', from: '2029-12-30', to: '2030-01-01' },
    { name: '劳动节', from: '2030-05-01', to: '2030-05-05' },
  ],
  makeUpWorkdays: ['2030-05-11'],
};

interface YearView {
  year: number;
  source: string;
  sourceLabel: string;
  needed: boolean;
}

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-holiday-calendar');
  const campaign = await h.post('/campaigns', { as: county, body: campaignBody(undefined, { endsAt: `${YEAR}-06-30T15:59:59.000Z` }) });
  expect(campaign.status).toBe(201);
});

afterAll(async () => {
  await h?.stop();
});

const yearOf = (body: { years: YearView[] }, year: number) => body.years.find((y) => y.year === year);

it('names the year a running campaign reaches that has no holiday arrangement', async () => {
  const response = await h.get('/calendar/holidays', { as: committee });
  expect(response.status).toBe(200);
  expect(response.body.missingYears).toContain(YEAR);
  expect(yearOf(response.body, YEAR)).toMatchObject({ source: 'missing', sourceLabel: '未录入', needed: true });
  expect(yearOf(response.body, 2026)).toMatchObject({ source: 'package', sourceLabel: '系统内置' });
});

it('refuses a township, and a wrong entry in words, changing nothing', async () => {
  const township = await h.request('PUT', `/calendar/holidays/${YEAR}`, { as: committee, body: arrangement });
  expect(township.status).toBe(403);

  const wrong = await h.request('PUT', `/calendar/holidays/${YEAR}`, { as: county, body: { ...arrangement, makeUpWorkdays: ['2030-05-10'] } });
  expect(wrong.status).toBe(400);
  expect(wrong.body.detail).toContain('2030-05-10是工作日，无需录入为调休上班日');

  const badYear = await h.request('PUT', '/calendar/holidays/30', { as: county, body: arrangement });
  expect(badYear.status).toBe(400);

  const after = await h.get('/calendar/holidays', { as: county });
  expect(yearOf(after.body, YEAR)?.source).toBe('missing');
});

it('counts working-day deadlines on the arrangement the county entered, and records who entered it', async () => {
  const policy: CampaignPolicy = { ...SECONDS_POLICY, publicityPeriod: { amount: 1, unit: 'workingDays' } };
  const activities = createCaseActivities(h.db.dataSource);
  // Friday 28 Dec 2029 + 1 working day: Monday 31 Dec while the year is missing.
  const before = await activities.dueDatesFrom('2029-12-28T02:00:00.000Z', policy);
  expect(chinaDate(before.publicityPeriod)).toBe('2029-12-31');

  const saved = await h.request('PUT', `/calendar/holidays/${YEAR}`, { as: county, body: arrangement });
  expect(saved.status).toBe(200);
  expect(yearOf(saved.body, YEAR)).toMatchObject({ source: 'entered', sourceLabel: '已录入', enteredBy: county.userId });
  expect(saved.body.missingYears).not.toContain(YEAR);

  // A worker started now reads the entry: 30 Dec – 1 Jan are off, so the next working day is Wednesday 2 Jan.
  const after = await createCaseActivities(h.db.dataSource).dueDatesFrom('2029-12-28T02:00:00.000Z', policy);
  expect(chinaDate(after.publicityPeriod)).toBe('2030-01-02');
  // The make-up Saturday counts: Friday 10 May + 1 working day is Saturday 11 May.
  expect(chinaDate((await createCaseActivities(h.db.dataSource).dueDatesFrom('2030-05-10T02:00:00.000Z', policy)).publicityPeriod)).toBe('2030-05-11');

  const [entry] = await h.db.dataSource.query(`SELECT user_id FROM audit_entry WHERE action = 'saveHolidayArrangement' ORDER BY id DESC LIMIT 1`);
  expect(entry.user_id).toBe(county.userId);
});
