/**
 * The audit trail read by the auditor (GET /audit/entries): newest first, keyset-paged on the entry id
 * (every entry once, none skipped, while new ones are appended between pages), each with its 整顿对象;
 * another county's cases left out; only the auditor and the county department; bad paging refused.
 */
import type { Actor } from '@zhengdun/domain';
import { campaignBody, openCaseBody } from '../support/api-fixtures';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, committee, county } from '../support/cases';
import { eventually } from '../support/environment';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-audit-entries');
});

afterAll(async () => {
  await h?.stop();
});

interface Entry {
  id: string;
  action: string;
  actionLabel: string;
  userName: string;
  caseId: string | null;
  orgName: string | null;
  township: string | null;
}

it('lists every entry in scope once, newest first, a page at a time, with the 整顿对象 it concerns', async () => {
  const campaign = await h.post('/campaigns', { as: county, body: campaignBody(undefined, { name: '2026年审计记录' }) });
  const opened: { caseId: string; name: string; township: string }[] = [];
  for (const township of ['青山镇', '河口镇']) {
    const body = openCaseBody('rural', { township });
    const response = await h.post(`/campaigns/${campaign.body.id}/cases`, { as: county, body });
    expect(response.status).toBe(201);
    opened.push({ caseId: response.body.caseId as string, name: body.org.name, township });
  }
  // Another county's campaign and case: not the auditor's to read.
  const elsewhere: Actor = { ...county, userId: 'other-county', scope: { level: 'county', county: '别的县' } };
  const foreign = await h.post('/campaigns', { as: elsewhere, body: { ...campaignBody(undefined, { name: '他县整顿' }), county: '别的县' } });
  expect(foreign.status).toBe(201);
  const foreignCase = await h.post(`/campaigns/${foreign.body.id}/cases`, { as: elsewhere, body: openCaseBody('rural') });
  expect(foreignCase.status).toBe(201);

  // The 整顿对象's name comes from the read model, a moment behind the audit entry.
  await eventually(async () => {
    const [{ n }] = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM case_record WHERE case_id = ANY($1::text[])`, [opened.map((o) => o.caseId)]);
    return n === opened.length;
  }, 20_000, 'both cases in the read model');

  const seen: Entry[] = [];
  let before: string | null = null;
  let pages = 0;
  do {
    const response: { status: number; body: { items: Entry[]; nextBefore: string | null } } = await h.get(`/audit/entries?limit=2${before ? `&before=${before}` : ''}`, { as: auditor });
    expect(response.status).toBe(200);
    seen.push(...response.body.items);
    before = response.body.nextBefore;
    pages += 1;
    // Appended between pages: newer than the first page, so not on the later ones.
    if (pages === 1) await h.get('/audit/verify', { as: county });
  } while (before && pages < 50);
  const ids = seen.map((entry) => BigInt(entry.id));
  expect(ids.every((id, i) => i === 0 || id < ids[i - 1])).toBe(true);

  const rows: { id: string; case_id: string | null }[] = await h.db.dataSource.query(
    `SELECT id::text AS id, case_id FROM audit_entry WHERE id <= $1 AND (case_id IS NULL OR case_id <> $2) ORDER BY id DESC`,
    [seen[0].id, foreignCase.body.caseId],
  );
  expect(seen.map((entry) => entry.id)).toEqual(rows.map((row) => row.id));
  expect(seen.some((entry) => entry.caseId === foreignCase.body.caseId)).toBe(false);
  for (const { caseId, name, township } of opened) {
    expect(seen.find((entry) => entry.caseId === caseId)).toMatchObject({ action: 'openCase', actionLabel: '列入整顿名单', orgName: name, township, userName: county.name });
  }
  expect(seen.find((entry) => entry.action === 'createCampaign')).toMatchObject({ actionLabel: '创建整顿批次', caseId: null });
});

it('is for the auditor and the county department only, and refuses bad paging in Chinese', async () => {
  expect((await h.get('/audit/entries', { as: committee })).status).toBe(403);
  expect((await h.get('/audit/entries', { as: county })).status).toBe(200);
  for (const query of ['before=abc', 'before=0', 'limit=0', 'limit=101', 'limit=x']) {
    const response = await h.get(`/audit/entries?${query}`, { as: auditor });
    expect({ query, status: response.status }).toEqual({ query, status: 400 });
    expect(response.body.detail).toMatch(/[\u4e00-\u9fa5]/);
  }
});
