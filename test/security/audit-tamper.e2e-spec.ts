/**
 * Issue 16, finding 5: the audit trail cannot be quietly cut.
 *
 * On real Postgres, as an attacker with the database owner's rights would (superuser, triggers
 * disabled): deleting the newest rows, emptying the table, editing one row — with or without
 * re-hashing the rows after it — and forging a checkpoint each make verification fail and say from
 * which row. The application's own role (`zhengdun_app`) can do none of it: no DISABLE TRIGGER, no
 * TRUNCATE, DELETE, UPDATE or INSERT, only reads, `audit_append` and new checkpoints.
 *
 * On the real API (a child process acting as `zhengdun_app`) and a real worker: an action whose
 * request was killed between the workflow's Update and its audit append ends with exactly one entry,
 * recorded from the case's timeline, and the client's retry adds none; an action sent straight to
 * Temporal, past the API, is recorded the same way; exports, token issuance and the verification
 * itself are audited; deleting the newest rows and checkpoints behind a running API is caught.
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { loadConfig } from '@zhengdun/config';
import type { Actor, CaseState } from '@zhengdun/domain';
import { AUDIT_CHAIN_LOCK, AuditLogRepository, auditHash, auditRowFromColumns, auditKey, checkpointMac, freePort, migrate, type AuditAppend, type AuditChainReport } from '@zhengdun/persistence';
import type { CaseClient } from '@zhengdun/temporal';
import { mintDevToken } from '../../apps/api/src/core/auth/dev-tokens';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc } from '../support/api-harness';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { auditor, committee, county, leaderOf, measuresFor, secretaryOf, teamFor } from '../support/cases';
import { caseClientFor, createTestDatabase, eventually, startTestWorker, uniqueTaskQueue, type RunningTestWorker, type TestDatabase } from '../support/environment';
import { TEST_JWT_SECRET } from '../support/test-auth';

/** Logins the tests create: embedded Postgres (no DATABASE_URL) asks for a password, trust auth ignores it. */
const LOGIN_PASSWORD = `pw_${randomUUID().replace(/-/g, '')}`;

const APP_ROLE = 'zhengdun_app';
const KEY = auditKey('audit-tamper-test-key-0123456789abcdef');

/** A connection acting as the application's role, as the API's and worker's connections do. */
async function connectAs(url: string, role: string): Promise<PgClient> {
  const client = new PgClient({ connectionString: url, options: `-c role=${role}` });
  await client.connect();
  return client;
}

/** As someone with the owner's rights: user triggers off for the statements, back on after. */
async function asOwner(pg: PgClient, statements: (pg: PgClient) => Promise<void>): Promise<void> {
  await pg.query('BEGIN');
  try {
    await pg.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
    await pg.query('ALTER TABLE audit_checkpoint DISABLE TRIGGER USER');
    await statements(pg);
    await pg.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
    await pg.query('ALTER TABLE audit_checkpoint ENABLE TRIGGER USER');
    await pg.query('COMMIT');
  } catch (error) {
    await pg.query('ROLLBACK');
    throw error;
  }
}

const COLUMNS = 'id, at, user_id, user_name, role, case_id, case_seq, action, payload_digest, outcome, prev_hash, hash';

describe('tampering with the audit trail in Postgres', () => {
  let db: TestDatabase;
  let auditLog: AuditLogRepository;
  let owner: PgClient;
  /** The untouched chain and checkpoints, to put back after each attack. */
  let original: { entries: Record<string, unknown>[]; checkpoints: Record<string, unknown>[] };
  let ids: string[];

  const entry = (i: number): AuditAppend => ({
    userId: `user-${i % 4}`,
    userName: `用户${i % 4}`,
    role: 'township_committee',
    caseId: `case-${i % 3}`,
    caseSeq: i,
    action: 'approvePlan',
    payloadDigest: String(i % 10).repeat(64),
    outcome: 'accepted',
  });

  async function restore(): Promise<void> {
    await asOwner(owner, async (pg) => {
      await pg.query('DELETE FROM audit_checkpoint');
      await pg.query('DELETE FROM audit_entry');
      for (const row of original.entries) await pg.query(`INSERT INTO audit_entry (${COLUMNS}) SELECT ${COLUMNS} FROM json_populate_record(NULL::audit_entry, $1)`, [row]);
      for (const row of original.checkpoints) await pg.query(`INSERT INTO audit_checkpoint SELECT * FROM json_populate_record(NULL::audit_checkpoint, $1)`, [row]);
    });
    // The restored chain verifies: each failure below is the attack's doing, not the test's.
    expect(await auditLog.verify(KEY)).toMatchObject({ ok: true, checked: 40, checkpoints: 2 });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    auditLog = new AuditLogRepository(db.dataSource);
    owner = new PgClient({ connectionString: db.url });
    await owner.connect();
    // 40 entries; checkpoints signed at the 20th and at the 40th.
    for (let i = 1; i <= 20; i++) await auditLog.append(entry(i));
    expect((await auditLog.checkpoint(KEY)).checkpoint).toMatchObject({ entryCount: 20 });
    for (let i = 21; i <= 40; i++) await auditLog.append(entry(i));
    expect((await auditLog.checkpoint(KEY)).checkpoint).toMatchObject({ entryCount: 40 });
    original = {
      entries: (await owner.query(`SELECT row_to_json(e) AS j FROM audit_entry e ORDER BY id`)).rows.map((r) => r.j),
      checkpoints: (await owner.query(`SELECT row_to_json(c) AS j FROM audit_checkpoint c ORDER BY id`)).rows.map((r) => r.j),
    };
    ids = original.entries.map((row) => String(row.id));
    expect(await auditLog.verify(KEY)).toMatchObject({ ok: true, checked: 40, checkpoints: 2 });
  });

  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });

  it('fails when the newest rows are deleted, naming the first one missing', async () => {
    await asOwner(owner, (pg) => pg.query('DELETE FROM audit_entry WHERE id > $1', [ids[36]]).then(() => undefined));
    const report = await auditLog.verify(KEY);
    expect(report).toMatchObject({ ok: false, problem: 'entries_missing', firstBrokenId: String(Number(ids[36]) + 1), checked: 37, lastGoodCheckpointId: String(original.checkpoints[0].id) });
    expect(report.message).toContain(`entries after id ${ids[36]} up to id ${ids[39]} are missing`);
    // Nor does the writer sign the shorter chain.
    expect((await auditLog.checkpoint(KEY)).report).toMatchObject({ ok: false, problem: 'checkpoint_mismatch' });
    await restore();
  });

  it('fails when the table is emptied, even by a superuser who must first disable its TRUNCATE trigger', async () => {
    await expect(owner.query('TRUNCATE audit_entry')).rejects.toThrow(/audit_entry is append-only/);
    await asOwner(owner, (pg) => pg.query('TRUNCATE audit_entry').then(() => undefined));
    expect(await auditLog.verify(KEY)).toMatchObject({ ok: false, checked: 0, problem: 'entries_missing', firstBrokenId: '1' });
    // An emptied table that starts a new chain is no better.
    await auditLog.append(entry(99));
    expect(await auditLog.verify(KEY)).toMatchObject({ ok: false, checked: 1, problem: 'entries_missing', firstBrokenId: '1' });
    await restore();
  });

  it('fails when one row is edited, naming that row', async () => {
    const victim = ids[27];
    await asOwner(owner, (pg) => pg.query(`UPDATE audit_entry SET outcome = 'refused:wrong_stage' WHERE id = $1`, [victim]).then(() => undefined));
    expect(await auditLog.verify(KEY)).toMatchObject({ ok: false, problem: 'hash_mismatch', firstBrokenId: victim, checked: 28 });
    await restore();
  });

  it('fails when a row is edited and every row after it re-hashed, naming where the damage can start', async () => {
    const victim = 27;
    await asOwner(owner, async (pg) => {
      const rows = (await pg.query(`SELECT ${COLUMNS} FROM audit_entry WHERE id >= $1 ORDER BY id`, [ids[victim]])).rows;
      let prev = String(original.entries[victim - 1].hash);
      for (const [index, raw] of rows.entries()) {
        const row = { ...auditRowFromColumns(raw), outcome: index === 0 ? 'refused:wrong_stage' : raw.outcome };
        const hash = auditHash(prev, row);
        await pg.query('UPDATE audit_entry SET outcome = $2, prev_hash = $3, hash = $4 WHERE id = $1', [row.id, row.outcome, prev, hash]);
        prev = hash;
      }
    });
    // The chain links again; only the signed checkpoint at its head shows it is not the chain signed.
    expect(await auditLog.verify()).toMatchObject({ ok: true, checked: 40 });
    const report = await auditLog.verify(KEY);
    expect(report).toMatchObject({ ok: false, problem: 'checkpoint_mismatch', firstBrokenId: ids[20], lastGoodCheckpointId: String(original.checkpoints[0].id) });
    expect(report.message).toContain(`between id ${ids[20]} and id ${ids[39]}`);
    await restore();
  });

  it('fails when a row is deleted and the chain re-linked over the gap', async () => {
    await asOwner(owner, async (pg) => {
      await pg.query('DELETE FROM audit_entry WHERE id = $1', [ids[30]]);
      const rows = (await pg.query(`SELECT ${COLUMNS} FROM audit_entry WHERE id > $1 ORDER BY id`, [ids[30]])).rows;
      let prev = String(original.entries[29].hash);
      for (const raw of rows) {
        const hash = auditHash(prev, auditRowFromColumns(raw));
        await pg.query('UPDATE audit_entry SET prev_hash = $2, hash = $3 WHERE id = $1', [raw.id, prev, hash]);
        prev = hash;
      }
    });
    expect(await auditLog.verify(KEY)).toMatchObject({ ok: false, problem: 'checkpoint_mismatch', firstBrokenId: ids[20] });
    await restore();
  });

  it('fails on a checkpoint not signed with the key, and signs nothing after it', async () => {
    const forged = { at: new Date().toISOString(), headId: ids[39], headHash: String(original.entries[39].hash), entryCount: 40, keyId: KEY.id };
    const mac = checkpointMac(auditKey('a-key-found-in-the-source-code-000000'), forged);
    await owner.query('INSERT INTO audit_checkpoint (at, head_id, head_hash, entry_count, key_id, mac) VALUES ($1, $2, $3, $4, $5, $6)', [forged.at, forged.headId, forged.headHash, forged.entryCount, forged.keyId, mac]);
    expect(await auditLog.verify(KEY)).toMatchObject({ ok: false, problem: 'checkpoint_forged', firstBrokenId: ids[39] });
    expect((await auditLog.checkpoint(KEY)).report).toMatchObject({ ok: false, problem: 'checkpoint_forged' });
    await restore();
  });

  it('leaves the application role only reads, audit_append and new checkpoints', async () => {
    const app = await connectAs(db.url, APP_ROLE);
    try {
      expect((await app.query('SELECT current_user AS role')).rows[0].role).toBe(APP_ROLE);
      const refused: [string, RegExp][] = [
        ['ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_rewrite', /must be owner/],
        ['ALTER TABLE audit_entry DISABLE TRIGGER USER', /must be owner/],
        ['ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_truncate', /must be owner/],
        ['ALTER TABLE audit_checkpoint DISABLE TRIGGER USER', /must be owner/],
        ['ALTER TABLE audit_entry OWNER TO zhengdun_app', /must be owner/],
        ['DROP TRIGGER audit_entry_no_rewrite ON audit_entry', /must be owner/],
        ['TRUNCATE audit_entry', /permission denied/],
        ['TRUNCATE audit_checkpoint', /permission denied/],
        [`DELETE FROM audit_entry WHERE id = ${ids[39]}`, /permission denied/],
        [`UPDATE audit_entry SET outcome = 'accepted' WHERE id = ${ids[0]}`, /permission denied/],
        [`INSERT INTO audit_entry (${COLUMNS}) VALUES (999, now(), 'u', 'n', 'r', NULL, NULL, 'a', 'd', 'accepted', 'p', 'h')`, /permission denied/],
        ['DELETE FROM audit_checkpoint', /permission denied/],
        ['UPDATE audit_checkpoint SET entry_count = 1', /permission denied/],
        [`SELECT setval('audit_entry_id_seq', 1)`, /permission denied/],
        ['CREATE OR REPLACE FUNCTION audit_append(text, text, text, text, text, text, text, integer) RETURNS void LANGUAGE sql AS $$ SELECT $$', /must be owner|permission denied/],
        ['SET session_replication_role = replica', /permission denied/],
      ];
      for (const [sql, error] of refused) await expect(app.query(sql)).rejects.toThrow(error);
      // What it may do: read the chain, append through the function, add a checkpoint.
      expect((await app.query('SELECT count(*)::int AS n FROM audit_entry')).rows[0].n).toBe(40);
      const appended = await app.query(`SELECT * FROM audit_append('u', '用户', 'auditor', NULL, 'verifyAuditChain', $1, 'accepted')`, ['0'.repeat(64)]);
      expect(appended.rows[0]).toMatchObject({ appended: true });
      const appAuditLog = new AuditLogRepository({ query: (sql: string, params?: unknown[]) => app.query(sql, params).then((r) => r.rows) } as never);
      expect((await appAuditLog.checkpoint(KEY)).checkpoint).toMatchObject({ entryCount: 41 });
      expect(await auditLog.verify(KEY)).toMatchObject({ ok: true, checked: 41, checkpoints: 3 });
    } finally {
      await app.end();
    }
  });

  it('holds for a login that is only a member of the application role (the production setup), even after RESET ROLE', async () => {
    const login = `zd_test_login_${randomUUID().slice(0, 8)}`;
    await owner.query(`CREATE ROLE ${login} LOGIN PASSWORD '${LOGIN_PASSWORD}' IN ROLE ${APP_ROLE}`);
    const url = new URL(db.url);
    url.username = login;
    url.password = LOGIN_PASSWORD;
    const app = new PgClient({ connectionString: url.toString() });
    try {
      await app.connect();
      await app.query('RESET ROLE');
      await expect(app.query('ALTER TABLE audit_entry DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
      await expect(app.query('TRUNCATE audit_entry')).rejects.toThrow(/permission denied/);
      await expect(app.query('SET ROLE zhengdun_audit_owner')).rejects.toThrow(/permission denied/);
      expect((await app.query(`SELECT appended FROM audit_append('u', '用户', 'auditor', NULL, 'x', $1, 'accepted')`, ['0'.repeat(64)])).rows).toEqual([{ appended: true }]);
    } finally {
      await app.end().catch(() => undefined);
      await owner.query(`DROP OWNED BY ${login}`);
      await owner.query(`DROP ROLE ${login}`);
    }
  });
});

describe('the production setup of infra/README.md', () => {
  it('migrates as a login that is neither superuser nor CREATEROLE, and its apps login cannot rewrite the trail', async () => {
    const adminUrl = process.env.ZD_TEST_PG_ADMIN_URL!;
    const suffix = randomUUID().replace(/-/g, '').slice(0, 8);
    const migrator = `zd_test_migrator_${suffix}`;
    const apps = `zd_test_api_${suffix}`;
    const database = `zd_prod_${suffix}`;
    const admin = new PgClient({ connectionString: adminUrl });
    await admin.connect();
    const urlOf = (user: string) => {
      const url = new URL(adminUrl);
      url.username = user;
      url.password = LOGIN_PASSWORD;
      url.pathname = `/${database}`;
      return url.toString();
    };
    try {
      // What the DBA does once (the compose file's postgres-init does the same).
      await admin.query(`CREATE ROLE ${migrator} LOGIN PASSWORD '${LOGIN_PASSWORD}' NOSUPERUSER NOCREATEROLE`);
      await admin.query(`CREATE DATABASE ${database} OWNER ${migrator}`);
      await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zhengdun_audit_owner') THEN CREATE ROLE zhengdun_audit_owner NOLOGIN; END IF; END $$`);
      await admin.query(`GRANT zhengdun_audit_owner TO ${migrator}`);
      await admin.query(`CREATE ROLE ${apps} LOGIN PASSWORD '${LOGIN_PASSWORD}' IN ROLE ${APP_ROLE}`);
      expect(await migrate(urlOf(migrator))).toContain('AuditRolesCheckpointsAndCaseKeys1795420000000');
      const app = new PgClient({ connectionString: urlOf(apps) });
      await app.connect();
      try {
        await expect(app.query('ALTER TABLE audit_entry DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
        await expect(app.query('TRUNCATE audit_entry')).rejects.toThrow(/permission denied/);
        expect((await app.query(`SELECT appended FROM audit_append('u', '用户', 'auditor', NULL, 'x', $1, 'accepted')`, ['0'.repeat(64)])).rows).toEqual([{ appended: true }]);
        // The read model is the apps' to write.
        await app.query(`INSERT INTO campaign (id, name, county, ends_at, policy, created_by) VALUES ('c1', 'n', 'c', now(), '{}', 'u')`);
      } finally {
        await app.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${apps}`);
      await admin.query(`DROP ROLE IF EXISTS ${migrator}`);
      await admin.end();
    }
  });
});

describe('the audit trail of the running API', () => {
  const taskQueue = uniqueTaskQueue('audit-tamper');
  const auth = { ...loadConfig({}).auth, jwtSecret: TEST_JWT_SECRET };
  // Development mode: issuing development tokens (audited here) exists only there.
  const API_ENV = { ZHENGDUN_MODE: 'development', AUDIT_RECONCILE_AFTER_MS: '1000', IDEMPOTENCY_LEASE_MS: '1000', AUDIT_CHECKPOINT_EVERY: '5' };
  let db: TestDatabase;
  let worker: RunningTestWorker;
  let cases: CaseClient;
  let closeClient: () => Promise<void>;
  let port: number;
  let api: ApiProcess;
  let campaignId: string;
  let caseId: string;
  let orgCode: string;

  interface Row {
    id: string;
    user_id: string;
    role: string;
    case_id: string | null;
    case_seq: number | null;
    action: string;
    outcome: string;
  }
  const rows = (where = 'TRUE', params: unknown[] = []): Promise<Row[]> =>
    db.dataSource.query(`SELECT id::text AS id, user_id, role, case_id, case_seq, action, outcome FROM audit_entry WHERE ${where} ORDER BY id`, params);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function call(method: string, path: string, actor: Actor | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        ...(actor ? { authorization: `Bearer ${await mintDevToken(auth, actor)}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const temporal = await caseClientFor(taskQueue);
    cases = temporal.cases;
    closeClient = temporal.close;
    worker = await startTestWorker(taskQueue, db.dataSource);
    port = await freePort();
    api = await startApiProcess({ databaseUrl: db.url, taskQueue, port, extraEnv: API_ENV });
    const campaign = await call('POST', '/campaigns', county, campaignBody());
    expect(campaign.status).toBe(201);
    campaignId = campaign.body.id;
    orgCode = newOrgCode();
    const opened = await call('POST', `/campaigns/${campaignId}/cases`, county, openCaseBody('rural', { orgCode }));
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
  });

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await closeClient?.();
    await db?.drop();
  });

  it('records an action whose request died between the Update and its audit append exactly once, and the retry adds none', async () => {
    const before: CaseState = await cases.state(caseId);
    expect(before.stage).toBe('assigned');
    const secretary = secretaryOf(orgCode);
    const body = { measures: measuresFor(before) };
    const key = `submit-${randomUUID()}`;

    // Hold the chain's lock, so that the request stops right before its append; then kill the API
    // and end the database session of that append, as if it had never been sent.
    const lock = new PgClient({ connectionString: db.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const lost = call('POST', `/cases/${enc(caseId)}/actions/submitPlan`, secretary, body, { 'idempotency-key': key }).catch(() => 'no answer' as const);
    const waiting = async () =>
      (
        await lock.query(
          `SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objid = $1 AND d.datname = current_database()`,
          [AUDIT_CHAIN_LOCK],
        )
      ).rows.map((r) => r.pid as number);
    const waiters = await eventually(async () => ((await waiting()).length > 0 ? waiting() : undefined), 30_000, 'the append to wait for the lock');
    await api.crash();
    for (const pid of waiters) await lock.query('SELECT pg_terminate_backend($1)', [pid]);
    await lock.query('ROLLBACK');
    await lock.end();
    expect(await lost).toBe('no answer');

    // The workflow applied it; the trail has no entry for it.
    const applied = await cases.state(caseId);
    expect(applied.timeline.filter((e) => e.type === 'plan_submitted')).toHaveLength(1);
    expect(await rows(`case_id = $1 AND action = 'submitPlan'`, [caseId])).toEqual([]);

    // The next API start reconciles it from the case's timeline: one entry, by the secretary, at the
    // seq the case had right after it (the stage change before it and the plan entry are one action).
    api = await startApiProcess({ databaseUrl: db.url, taskQueue, port, extraEnv: API_ENV });
    const reconciled = await eventually(async () => {
      const found = await rows(`case_id = $1 AND action = 'submitPlan'`, [caseId]);
      return found.length > 0 ? found : undefined;
    }, 30_000, 'the reconciled entry');
    expect(reconciled).toEqual([{ id: expect.any(String), user_id: secretary.userId, role: 'branch_secretary', case_id: caseId, case_seq: applied.seq, action: 'submitPlan', outcome: 'accepted:reconciled' }]);

    // The client's retry (same key, hence the same Update) is answered and adds nothing.
    const retry = await eventually(async () => {
      const answer = await call('POST', `/cases/${enc(caseId)}/actions/submitPlan`, secretary, body, { 'idempotency-key': key });
      return answer.status === 409 ? undefined : answer;
    }, 15_000, 'the retry to be answered');
    expect(retry.status).toBe(200);
    expect(retry.body.seq).toBe(applied.seq);
    expect((await cases.state(caseId)).timeline.filter((e) => e.type === 'plan_submitted')).toHaveLength(1);
    expect(await rows(`case_id = $1 AND action = 'submitPlan'`, [caseId])).toHaveLength(1);

    // An ordinary action is recorded by its request, once, under its own seq.
    const approved = await call('POST', `/cases/${enc(caseId)}/actions/approvePlan`, committee, { comment: '同意' });
    expect(approved.status).toBe(200);
    expect(await rows(`case_id = $1 AND action = 'approvePlan'`, [caseId])).toEqual([expect.objectContaining({ user_id: committee.userId, case_seq: approved.body.seq, outcome: 'accepted' })]);
  });

  it('records an action sent straight to Temporal, past the API, from the timeline', async () => {
    const leader = leaderOf(orgCode, teamFor('rural')[0]);
    const state = await cases.act(caseId, leader, { type: 'reportProgress', summary: '绕过接口直接提交的汇报' });
    const found = await eventually(async () => {
      const entries = await rows(`case_id = $1 AND action = 'reportProgress'`, [caseId]);
      return entries.length > 0 ? entries : undefined;
    }, 30_000, 'the reconciled entry');
    expect(found).toEqual([expect.objectContaining({ user_id: leader.userId, case_seq: state.seq, outcome: 'accepted:reconciled' })]);
  });

  it('audits exports, token issuance and verification itself', async () => {
    expect((await call('GET', `/ledger?campaignId=${campaignId}`, county)).status).toBe(200);
    expect((await call('GET', `/campaigns/${campaignId}/screening-template`, committee)).status).toBe(200);
    const minted = await call('POST', '/dev/tokens', undefined, { userId: 'minted-1', name: '临时账号', role: 'county_department', scope: { level: 'county', county: '示范县' } });
    expect(minted.status).toBe(201);
    expect((await call('POST', '/dev/tokens', undefined, { userId: 'x', name: 'y', role: 'emperor', scope: { level: 'county', county: '示范县' } })).status).toBe(400);
    const listed = await call('GET', '/dev/tokens', undefined);
    expect(listed.status).toBe(200);
    const verify = await call('GET', '/audit/verify', auditor);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, reconciled: 0 });
    expect(verify.body.checkpoints).toBeGreaterThanOrEqual(1);

    const audited = await rows(`action IN ('exportLedger', 'downloadScreeningTemplate', 'issueDevToken', 'verifyAuditChain')`);
    const seen = audited.map((row) => `${row.action}:${row.user_id}:${row.outcome}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        `exportLedger:${county.userId}:accepted`,
        `downloadScreeningTemplate:${committee.userId}:accepted`,
        'issueDevToken:minted-1:accepted',
        'issueDevToken:anonymous:refused:invalid_request',
        `verifyAuditChain:${auditor.userId}:accepted`,
      ]),
    );
    for (const item of listed.body.items as { actor: Actor }[]) expect(seen).toContain(`issueDevToken:${item.actor.userId}:accepted`);
  });

  it('fails verification when the newest rows are deleted behind it, and when their checkpoints go with them', async () => {
    // A head signed by the API (verification signs the head it verified).
    const first = await call('GET', '/audit/verify', auditor);
    expect(first.body).toMatchObject({ ok: true });
    const [{ head }] = await db.dataSource.query(`SELECT max(head_id)::text AS head FROM audit_checkpoint`);
    const pg = new PgClient({ connectionString: db.url });
    await pg.connect();
    try {
      await asOwner(pg, (c) => c.query('DELETE FROM audit_entry WHERE id > $1', [String(BigInt(head) - 3n)]).then(() => undefined));
      let verify = await call('GET', '/audit/verify', auditor);
      expect(verify.status).toBe(200);
      expect(verify.body as AuditChainReport).toMatchObject({ ok: false, problem: 'entries_missing', firstBrokenId: String(BigInt(head) - 2n) });
      // The attacker also deletes every checkpoint that reaches past the cut: the API remembers the newest it signed.
      await asOwner(pg, (c) => c.query('DELETE FROM audit_checkpoint WHERE head_id > $1', [String(BigInt(head) - 3n)]).then(() => undefined));
      verify = await call('GET', '/audit/verify', auditor);
      expect(verify.body).toMatchObject({ ok: false, problem: 'checkpoints_missing' });
      expect(verify.body.message).toContain(`this API signed one up to id`);
      // Both verifications are on the trail, as broken ones.
      expect((await rows(`action = 'verifyAuditChain' AND outcome = 'accepted:chain_broken'`)).length).toBe(2);
    } finally {
      await pg.end();
    }
  });
});
