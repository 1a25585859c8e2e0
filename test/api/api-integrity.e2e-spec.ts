/**
 * What keeps the record straight: Idempotency-Key replays, the hash-chained audit trail (and that it
 * exposes a tampered row), the health check, and the OpenAPI document generated from the code.
 */
import { createHash } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { CASE_ACTION_TYPES, WORDS_NOBODY_READS } from '@zhengdun/domain';
import { canonicalJson, createDataSource } from '@zhengdun/persistence';
import { createApiApp } from '../../apps/api/src/create-app';
import { IdempotencyJanitor } from '../../apps/api/src/core/idempotency/idempotency-janitor.service';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, committee, county, leaderOf, measuresFor, otherCommittee, secretaryOf, teamFor } from '../support/cases';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';

let h: ApiHarness;
let campaignId: string;
let caseId: string;
let orgCode: string;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(async () => {
  h = await startApiHarness('api-integrity');
  campaignId = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
  orgCode = newOrgCode();
  caseId = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode }) })).body.caseId;
  const state = await h.cases.state(caseId);
  expect((await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretaryOf(orgCode), body: { measures: measuresFor(state) } })).status).toBe(200);
  expect((await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: committee })).status).toBe(200);
});

afterEach(async () => {
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases);
});

afterAll(async () => {
  await h?.stop();
});

describe('Idempotency-Key', () => {
  const report = (key: string, summary: string, as = secretaryOf(orgCode)) =>
    h.post(`/cases/${enc(caseId)}/actions/reportProgress`, { as, body: { summary }, headers: { 'idempotency-key': key } });

  it('replays the first answer to a repeat and takes no second effect', async () => {
    const before = await h.cases.state(caseId);
    const first = await report('report-2026-06', '六月汇报：召开党员大会1次');
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    const again = await report('report-2026-06', '六月汇报：召开党员大会1次');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const after = await h.cases.state(caseId);
    expect(after.reports).toHaveLength(before.reports.length + 1);
    expect(after.seq).toBe(before.seq + 1);
  });

  it('refuses the same key with a different request (422), and keeps keys per user', async () => {
    const before = await h.cases.state(caseId);
    expect((await report('report-2026-07', '七月汇报')).status).toBe(200);
    const changed = await report('report-2026-07', '七月汇报（修改）');
    expect(changed.status).toBe(422);
    expect(changed.body).toMatchObject({ code: 'key_reused', errors: [{ field: 'Idempotency-Key' }] });
    // Another user's key of the same name is their own.
    const leader = leaderOf(orgCode, teamFor('rural')[0]);
    expect((await report('report-2026-07', '七月汇报', leader)).headers.get('idempotency-replayed')).toBeNull();
    expect((await h.cases.state(caseId)).reports).toHaveLength(before.reports.length + 2);
  });

  it('replays a refusal as it was, and a created case as created', async () => {
    const refused = await h.post(`/cases/${enc(caseId)}/actions/startPublicity`, { as: committee, headers: { 'idempotency-key': 'publicity-1' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('measures_incomplete');
    const replayed = await h.post(`/cases/${enc(caseId)}/actions/startPublicity`, { as: committee, headers: { 'idempotency-key': 'publicity-1' } });
    expect(replayed.status).toBe(409);
    expect(replayed.headers.get('content-type')).toContain('application/problem+json');
    expect(replayed.headers.get('idempotency-replayed')).toBe('true');
    expect(replayed.body).toEqual(refused.body);

    const body = openCaseBody('agency');
    const opened = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body, headers: { 'idempotency-key': 'open-agency-1' } });
    const reopened = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body, headers: { 'idempotency-key': 'open-agency-1' } });
    expect([opened.status, reopened.status]).toEqual([201, 201]);
    expect(reopened.body).toEqual(opened.body);
    const withoutKey = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body });
    expect(withoutKey.status).toBe(409);
  });

  it('forgets answers past their retention', async () => {
    await h.db.dataSource.query(`UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key LIKE '%:report-2026-06'`);
    const janitor = h.api.app.get(IdempotencyJanitor);
    expect(await janitor.purge()).toBe(1);
    expect(await h.db.dataSource.query(`SELECT key FROM idempotency_record WHERE key LIKE '%:report-2026-06'`)).toEqual([]);
  });

  it('applies an Update once per Update id, however often it is sent (CaseClient.act)', async () => {
    const before = await h.cases.state(caseId);
    const action = { type: 'reportProgress' as const, summary: '十月汇报：应答丢失后重试' };
    const updateId = `retry-${Date.now()}`;
    const first = await h.cases.act(caseId, secretaryOf(orgCode), action, { updateId });
    expect(first.seq).toBe(before.seq + 1);
    // The answer was lost (a timeout, a 503): the caller sends the same Update again.
    const second = await h.cases.act(caseId, secretaryOf(orgCode), action, { updateId });
    expect(second.seq).toBe(first.seq);
    expect(second).toEqual(first);
    const after = await h.cases.state(caseId);
    expect(after.seq).toBe(before.seq + 1);
    expect(after.reports).toHaveLength(before.reports.length + 1);
    // Another id is another Update.
    expect((await h.cases.act(caseId, secretaryOf(orgCode), action, { updateId: `${updateId}-b` })).seq).toBe(before.seq + 2);
  });

  it('sends a request’s Idempotency-Key to the workflow as the Update id, so a retry after a lost answer applies once', async () => {
    const before = await h.cases.state(caseId);
    const first = await report('report-2026-11', '十一月汇报');
    expect(first.status).toBe(200);
    expect(first.body.seq).toBe(before.seq + 1);
    // As after a 503: the workflow took the action, but the API answered an error and gave the key back.
    await h.db.dataSource.query(`DELETE FROM idempotency_record WHERE key LIKE '%:report-2026-11'`);
    const retried = await report('report-2026-11', '十一月汇报');
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotency-replayed')).toBeNull(); // run again by the API …
    expect(retried.body.seq).toBe(first.body.seq); // … but not by the workflow
    const after = await h.cases.state(caseId);
    expect(after.seq).toBe(before.seq + 1);
    expect(after.reports.filter((r) => r.summary === '十一月汇报')).toHaveLength(1);
    // The key is per user: another user's identical key is another Update.
    const leader = leaderOf(orgCode, teamFor('rural')[0]);
    await h.db.dataSource.query(`DELETE FROM idempotency_record WHERE key LIKE '%:report-2026-11'`);
    expect((await report('report-2026-11', '十一月汇报', leader)).body.seq).toBe(before.seq + 2);
  });

  it('runs concurrent repeats once', async () => {
    const before = await h.cases.state(caseId);
    const answers = await Promise.all(Array.from({ length: 5 }, () => report('report-2026-08', '八月汇报')));
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    for (const answer of answers.filter((a) => a.status === 409)) expect(answer.body.code).toBe('in_progress');
    expect((await h.cases.state(caseId)).reports).toHaveLength(before.reports.length + 1);
  });
});

describe('the audit trail', () => {
  interface AuditRow {
    id: string;
    user_id: string;
    role: string;
    case_id: string | null;
    action: string;
    payload_digest: string;
    outcome: string;
    prev_hash: string;
    hash: string;
  }
  const rows = async (): Promise<AuditRow[]> => h.db.dataSource.query('SELECT id::text AS id, user_id, role, case_id, action, payload_digest, outcome, prev_hash, hash FROM audit_entry ORDER BY audit_entry.id');

  it('records every command with who, the payload digest and the outcome', async () => {
    const body = { summary: '九月汇报：化解矛盾3件' };
    expect((await h.post(`/cases/${enc(caseId)}/actions/reportProgress`, { as: secretaryOf(orgCode), body })).status).toBe(200);
    expect((await h.post(`/cases/${enc(caseId)}/actions/recordCountyAcceptance`, { as: auditor, body: { checks: { ledger: true, plan: true, results: true }, opinion: 'x' } })).status).toBe(403);
    // Another township's case is answered as a missing one; the audit trail still says why.
    expect((await h.post(`/cases/${enc(caseId)}/actions/startPublicity`, { as: otherCommittee })).status).toBe(404);
    expect((await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: committee })).status).toBe(409);
    expect((await h.post(`/cases/${enc(caseId)}/actions/startPublicity`, { as: committee })).status).toBe(409);
    expect((await h.post(`/cases/${enc(`case:${campaignId}:nobody`)}/actions/approvePlan`, { as: committee })).status).toBe(404);

    const all = await rows();
    const forCase = all.filter((row) => row.case_id === caseId);
    expect(forCase.map((row) => `${row.action}:${row.role}:${row.outcome}`)).toEqual(
      expect.arrayContaining([
        'openCase:county_department:accepted',
        'submitPlan:branch_secretary:accepted',
        'approvePlan:township_committee:accepted',
        'reportProgress:branch_secretary:accepted',
        'recordCountyAcceptance:auditor:refused:role_not_permitted',
        'startPublicity:township_committee:refused:case_out_of_scope',
        'approvePlan:township_committee:refused:wrong_stage',
        'startPublicity:township_committee:refused:measures_incomplete',
      ]),
    );
    expect(all.some((row) => row.action === 'approvePlan' && row.outcome === 'refused:not_found')).toBe(true);
    expect(all.some((row) => row.action === 'createCampaign' && row.case_id === null && row.outcome === 'accepted')).toBe(true);
    const reportRow = forCase.filter((row) => row.action === 'reportProgress').at(-1)!;
    expect(reportRow.payload_digest).toBe(sha256(canonicalJson({ type: 'reportProgress', ...body })));
    expect(reportRow.user_id).toBe(secretaryOf(orgCode).userId);
  });

  it('chains rows linearly even when many commands arrive at once', async () => {
    const before = (await rows()).length;
    await Promise.all(Array.from({ length: 12 }, (_, i) => h.post(`/cases/${enc(caseId)}/actions/reportProgress`, { as: secretaryOf(orgCode), body: { summary: `并发汇报${i}` } })));
    const all = await rows();
    expect(all.length).toBe(before + 12);
    all.forEach((row, index) => {
      expect(row.prev_hash).toBe(index === 0 ? '0'.repeat(64) : all[index - 1].hash);
    });
    const verify = await h.get('/audit/verify', { as: auditor });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, checked: all.length, reconciled: 0 });
  });

  it('cannot be rewritten, and verify names the first tampered or missing row', async () => {
    const all = await rows();
    const victim = all[Math.floor(all.length / 2)];
    // Straight to Postgres, as someone with database access would.
    const pg = new PgClient({ connectionString: h.db.url });
    await pg.connect();
    try {
      await expect(pg.query(`UPDATE audit_entry SET outcome = 'accepted' WHERE id = $1`, [victim.id])).rejects.toThrow(/append-only/);
      await expect(pg.query(`DELETE FROM audit_entry WHERE id = $1`, [victim.id])).rejects.toThrow(/append-only/);

      const tamper = async (sql: string, params: unknown[]) => {
        await pg.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_rewrite');
        try {
          await pg.query(sql, params);
        } finally {
          await pg.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_rewrite');
        }
      };
      await tamper(`UPDATE audit_entry SET outcome = 'accepted' WHERE id = $1`, [victim.id]);
      let verify = await h.get('/audit/verify', { as: county });
      expect(verify.body).toMatchObject({ ok: false, checked: all.indexOf(victim) + 1, firstBrokenId: victim.id, problem: 'hash_mismatch' });

      // Put back, the chain verifies again (with the entry the failed verification appended).
      await tamper(`UPDATE audit_entry SET outcome = $2 WHERE id = $1`, [victim.id, victim.outcome]);
      expect((await h.get('/audit/verify', { as: county })).body).toMatchObject({ ok: true, checked: all.length + 1 });

      // A row removed: the next one no longer links to its predecessor.
      await tamper(`DELETE FROM audit_entry WHERE id = $1`, [all[2].id]);
      verify = await h.get('/audit/verify', { as: auditor });
      expect(verify.body).toMatchObject({ ok: false, checked: 3, firstBrokenId: all[3].id, problem: 'link_broken' });
    } finally {
      await pg.end();
    }
  });
});

describe('health', () => {
  it('is 200 when Postgres and Temporal both answer', async () => {
    const response = await h.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, temporal: { status: 'up' } } });
  });

  it('is 503 when either does not answer', async () => {
    const dataSource = createDataSource(h.db.url, { extra: { max: 2 } });
    await dataSource.initialize();
    const deadTemporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500, interceptors: [] }) });
    const api = await createApiApp({ config: h.config, host: '127.0.0.1', dataSource, temporalClient: deadTemporal });
    try {
      let response = await fetch(`${api.url}/health`);
      let body = await response.json();
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(body.checks).toMatchObject({ status: 'error', info: { database: { status: 'up' } }, error: { temporal: { status: 'down' } } });
      await dataSource.destroy();
      response = await fetch(`${api.url}/health`);
      body = await response.json();
      expect(response.status).toBe(503);
      expect(body.checks.error).toMatchObject({ database: { status: 'down' }, temporal: { status: 'down' } });
    } finally {
      await api.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await deadTemporal.connection.close().catch(() => undefined);
    }
  });
});

describe('OpenAPI', () => {
  it('serves Swagger UI at /docs and the document, generated from the code, at /docs-json', async () => {
    const ui = await fetch(`${h.url}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    const { status, body } = await h.get('/docs-json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    for (const action of CASE_ACTION_TYPES) {
      const operation = body.paths[`/cases/{caseId}/actions/${action}`]?.post;
      expect({ action, documented: !!operation }).toEqual({ action, documented: true });
      expect(operation.operationId).toBe(action);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
      expect(operation.security).toEqual([{ bearer: [] }]);
    }
    const submitPlan = body.paths['/cases/{caseId}/actions/submitPlan'].post;
    expect(submitPlan.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/SubmitPlanRequest');
    expect(body.components.schemas.MeasureDraft.required).toEqual(expect.arrayContaining(['problemId', 'description', 'ownerId', 'ownerName', 'dueAt']));
    expect(body.components.schemas.ProblemDto.properties).toHaveProperty('detail_en');
    for (const path of ['/campaigns', '/campaigns/{campaignId}/cases', '/campaigns/{campaignId}/cases/batch', '/cases', '/cases/{caseId}', '/dashboard/summary', '/public/cases/{caseId}', '/public/cases/{caseId}/objections', '/public/cases/{caseId}/ratings', '/audit/verify', '/health']) {
      expect({ path, documented: path in body.paths }).toEqual({ path, documented: true });
    }
    expect(body.paths['/public/cases/{caseId}'].get.security).toBeUndefined();
    // County staff say 整顿对象 and 列入整顿名单, never the discipline-inspection words.
    expect(JSON.stringify(body).match(WORDS_NOBODY_READS)).toBeNull();
  });
});
