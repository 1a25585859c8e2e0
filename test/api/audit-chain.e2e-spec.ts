/**
 * The audit trail's appends, computed in Postgres (`audit_append`), against the TypeScript that
 * verifies them: any text a user can send hashes the same on both sides, and appends from many
 * requests at once still make one unbroken chain.
 */
import fc from 'fast-check';
import { Client as PgClient } from 'pg';
import { AUDIT_CHAIN_LOCK, AuditLogRepository, auditHash, AUDIT_GENESIS_HASH, type AuditAppend } from '@zhengdun/persistence';
import { createTestDatabase, type TestDatabase } from '../support/environment';

let db: TestDatabase;
let auditLog: AuditLogRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  auditLog = new AuditLogRepository(db.dataSource);
});

afterAll(async () => {
  await db?.drop();
});

// What Postgres text can hold: no NUL, no unpaired surrogate (the API refuses both with a 400).
const storable = (maxLength: number) =>
  fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\t', '\u001b', '\u007f', '\u2028', '党', '😀'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength }).filter((text) => !text.includes('\u0000'));

/** case_seq values never used twice, so that each generated entry with one is a new action. */
let nextCaseSeq = 1;
const entries: fc.Arbitrary<AuditAppend> = fc
  .record({
    userId: storable(20),
    userName: storable(20),
    role: fc.constantFrom('county_department', 'township_committee', 'branch_secretary', 'public'),
    caseId: fc.option(storable(40), { nil: null }),
    withCaseSeq: fc.boolean(),
    action: storable(30),
    payloadDigest: fc.stringMatching(/^[0-9a-f]{64}$/),
    outcome: fc.oneof(fc.constant('accepted'), storable(30).map((code) => `refused:${code}`)),
  })
  .map(({ withCaseSeq, ...entry }) => ({ ...entry, caseSeq: withCaseSeq && entry.caseId !== null ? nextCaseSeq++ : null }));

it('hashes every row in Postgres exactly as the TypeScript verifier does, whatever the text', async () => {
  await fc.assert(
    fc.asyncProperty(entries, async (entry) => {
      const row = await auditLog.append(entry);
      expect(row.hash).toBe(auditHash(row.prevHash, row));
      expect(row.appended).toBe(true);
      const [stored] = await db.dataSource.query('SELECT user_id, user_name, case_id, case_seq, action, outcome FROM audit_entry WHERE id = $1', [row.id]);
      expect(stored).toEqual({ user_id: entry.userId, user_name: entry.userName, case_id: entry.caseId, case_seq: entry.caseSeq, action: entry.action, outcome: entry.outcome });
    }),
    { numRuns: 150 },
  );
  expect(await auditLog.verify()).toMatchObject({ ok: true, checked: 150 });
});

it('records an action of a case once, however often its entry is appended', async () => {
  const before = (await auditLog.verify()).checked;
  const entry: AuditAppend = { userId: 'sec-1', userName: '王建国', role: 'branch_secretary', caseId: 'case-once', caseSeq: 7, action: 'submitPlan', payloadDigest: '1'.repeat(64), outcome: 'accepted' };
  const rows = await Promise.all(Array.from({ length: 10 }, (_, i) => auditLog.append(i % 2 === 0 ? entry : { ...entry, outcome: 'accepted:reconciled', payloadDigest: '2'.repeat(64) })));
  expect(rows.filter((row) => row.appended)).toHaveLength(1);
  expect(new Set(rows.map((row) => row.id)).size).toBe(1);
  expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE case_id = 'case-once'`)).toEqual([{ n: 1 }]);
  // Another seq of the same case is another action.
  expect((await auditLog.append({ ...entry, caseSeq: 8 })).appended).toBe(true);
  expect(await auditLog.verify()).toMatchObject({ ok: true, checked: before + 2 });
});

it('keeps one unbroken chain when many requests append at once', async () => {
  const before = (await auditLog.verify()).checked;
  const appended = await Promise.all(
    Array.from({ length: 200 }, (_, i) => auditLog.append({ userId: `u${i}`, userName: `用户${i}`, role: 'county_department', caseId: `case-${i % 7}`, action: 'approvePlan', payloadDigest: '0'.repeat(64), outcome: 'accepted' })),
  );
  expect(await auditLog.verify()).toMatchObject({ ok: true, checked: before + 200 });
  // In id order each row links to the one before it, and times never go back.
  const rows: { prev_hash: string; hash: string; at: Date }[] = await db.dataSource.query('SELECT prev_hash, hash, at FROM audit_entry ORDER BY id');
  rows.forEach((row, i) => {
    expect(row.prev_hash).toBe(i === 0 ? AUDIT_GENESIS_HASH : rows[i - 1].hash);
    if (i > 0) expect(row.at.getTime()).toBeGreaterThanOrEqual(rows[i - 1].at.getTime());
  });
  expect(new Set(appended.map((row) => row.hash)).size).toBe(200);
});

it('waits for the chain lock, which every writer of the chain takes', async () => {
  const holder = new PgClient({ connectionString: db.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  let appended = false;
  const appending = auditLog.append({ userId: 'u', userName: '用户', role: 'auditor', caseId: null, action: 'verify', payloadDigest: '0'.repeat(64), outcome: 'accepted' }).then(() => (appended = true));
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(appended).toBe(false);
  await holder.query('ROLLBACK');
  await holder.end();
  await appending;
  expect((await auditLog.verify()).ok).toBe(true);
});
