/**
 * Property-based fuzzing (fast-check) of every operation the API's own OpenAPI document lists
 * (GET /docs-json). Requests mix bodies derived from the operation's request schema with one or two
 * fields mutated, arbitrary JSON, malformed and oddly typed bodies, random uploads, garbage path
 * parameters and query strings, random Idempotency-Keys, and every kind of Authorization (a role
 * the route allows, one it does not, another county, forged, expired, garbage, none). For every one:
 *  1. never a 5xx; every non-2xx answer is a complete RFC 9457 problem (code, Chinese title and
 *     detail, English beside them, the field for a 400); no 2xx without a valid token on a protected
 *     route, nor for a role the route does not allow;
 *  2. never a partial write: a refused request changed no workflow and no row (write-snapshot.ts);
 *     an accepted one changed only what it is about, and completely (the case's seq advanced and
 *     the read model caught up, an accepted signal reached the workflow, an import finished).
 * A failing property prints fast-check's counterexample and seed, and the request and answer.
 * The operations are read from /docs-json: one the table below lacks fails the first test.
 * ZD_FUZZ_RUNS sets the runs per operation (default: RUNS_PER_OPERATION, fewer for plain reads).
 * ZD_FUZZ_SEED sets fast-check's seed; the default is a fixed one, so that `npm test` tries the same
 * inputs on every run and fails only when the code changes. ZD_FUZZ_SEED=random explores new inputs
 * (run it now and then; a failure prints its seed, which reproduces it).
 */
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { SCREENING_HEADERS, writeScreeningList, type ScreeningColumnKey } from '@zhengdun/campaigns';
import { CASE_ACTIONS, CASE_ACTION_TYPES, type Actor, type CampaignPolicy, type CaseActionType, type CaseState, type Stage, type UserRole } from '@zhengdun/domain';
import { mintDevToken } from '../../apps/api/src/core/auth/dev-tokens';
import { campaignBody, openCaseBody, screeningRow } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness, type JsonBody } from '../support/api-harness';
import { ALL_CHECKS, auditor, committee, COUNTY, county, leaderOf, otherCommittee, REVIEW_OK, secretaryOf, teamFor, TOWNSHIP } from '../support/cases';
import { eventually } from '../support/environment';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';
import { takeWriteSnapshot, writeSnapshotChanges, type WriteSnapshot } from '../support/write-snapshot';

const RUNS_PER_OPERATION = Number(process.env.ZD_FUZZ_RUNS) || 50;
const ACTION_RUNS = Number(process.env.ZD_FUZZ_RUNS) || 40;
const READ_RUNS = Number(process.env.ZD_FUZZ_RUNS) || 30;
const SEED = process.env.ZD_FUZZ_SEED === 'random' ? undefined : Number(process.env.ZD_FUZZ_SEED ?? 20_261_122);
if (SEED !== undefined) fc.configureGlobal({ seed: SEED });
const DAY = 86_400_000;

/** Nothing in these cases happens by itself while the file runs: every period is counted in days. */
const FUZZ_POLICY: CampaignPolicy = {
  planPeriod: { amount: 30, unit: 'days' },
  publicityPeriod: { amount: 30, unit: 'days' },
  rectificationPeriod: { amount: 30, unit: 'days' },
  reportCadence: { amount: 30, unit: 'days' },
  reminderLead: { amount: 1, unit: 'days' },
  escalationInterval: { amount: 7, unit: 'days' },
  reviewDelay: { amount: 30, unit: 'days' },
  satisfactionThreshold: 0.8,
};

const SQL = "'; DROP TABLE case_record; --";
const XSS = '<script>alert(1)</script>';
const INJECTIONS = [
  SQL,
  XSS,
  "' OR '1'='1",
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '%00',
  '\u0000',
  '\u202e\u0000\u001b[31m',
  '__proto__',
  'constructor',
  '[object Object]',
  'NaN',
  '1e309',
  '-0',
  '',
  ' ',
  '\r\n\r\n',
  '😀👨‍👩‍👧',
  'ｃａｓｅ',
  '\uFEFF',
  '\uD83D',
];
const OTHER_COUNTY = '别县';
/** A request head over Node's 16 KB limit is a 431 (tested at the end): long segments and queries stay under it to reach the routes. */
const MAX_SEGMENT = 4000;

// ---------------------------------------------------------------------------------------------
// The OpenAPI document, as far as the fuzzer reads it.

interface Schema {
  type?: string;
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  example?: unknown;
  format?: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationDoc {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OperationDoc>>;
  components: { schemas: Record<string, Schema> };
}

type Path = (string | number)[];

/** A place in a request body the schema describes, and what it says of it. */
interface Field {
  path: Path;
  schema: Schema;
}

interface Operation {
  key: string;
  method: string;
  template: string;
  pathParams: string[];
  queryParams: Parameter[];
  bodySchema?: Schema;
  multipart: boolean;
  fields: Field[];
}

let doc: OpenApiDocument;

function resolveSchema(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolveSchema(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    return Object.assign({}, ...allOf.map(resolveSchema), rest) as Schema;
  }
  return schema;
}

/** Every property and array item the schema names, down to a few levels. */
function fieldsOf(schema: Schema | undefined, prefix: Path = [], depth = 0): Field[] {
  const resolved = resolveSchema(schema);
  const fields: Field[] = [];
  if (depth > 4) return fields;
  if (resolved.type === 'array' && resolved.items) {
    fields.push({ path: [...prefix, 0], schema: resolveSchema(resolved.items) }, ...fieldsOf(resolved.items, [...prefix, 0], depth + 1));
  }
  for (const [name, child] of Object.entries(resolved.properties ?? {})) {
    fields.push({ path: [...prefix, name], schema: resolveSchema(child) }, ...fieldsOf(child, [...prefix, name], depth + 1));
  }
  return fields;
}

/** A body the schema alone would suggest (examples, else a value of the type): for operations the table has no body for. */
function exampleOf(schema: Schema | undefined, depth = 0): unknown {
  const resolved = resolveSchema(schema);
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.enum?.length) return resolved.enum[0];
  switch (resolved.type) {
    case 'array':
      return depth > 4 ? [] : [exampleOf(resolved.items, depth + 1)];
    case 'number':
    case 'integer':
      return resolved.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return 'x';
    default:
      return Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([name, child]) => [name, exampleOf(child, depth + 1)]));
  }
}

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const content = operation.requestBody?.content ?? {};
      const multipart = 'multipart/form-data' in content;
      const bodySchema = content['application/json']?.schema;
      const parameters = operation.parameters ?? [];
      operations.push({
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        pathParams: [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]),
        queryParams: parameters.filter((parameter) => parameter.in === 'query'),
        bodySchema,
        multipart,
        fields: bodySchema ? fieldsOf(bodySchema) : [],
      });
    }
  }
  return operations;
}

// ---------------------------------------------------------------------------------------------
// The fixture: one campaign of this county, one of another, four cases in different stages, one import.

let h: ApiHarness;
let campaignId: string;
let otherCampaignId: string;
let importId: string;
/** Cases whose workflow state every snapshot holds, by the stage they start in. */
const fixture = { identified: '', assigned: '', remediating: '', publicizing: '' };
const orgCodes = new Map<string, string>();
const fuzzStart = Date.now();
let baseline: WriteSnapshot | undefined;
/** The operations of /docs-json, by `METHOD /path/{param}`. */
let operations = new Map<string, Operation>();
/** Cases opened by accepted requests, to account for every case_record row at the end. */
const accepted = new Set<string>();
const tallies = new Map<string, Map<number, number>>();

const otherCounty: Actor = { userId: 'other-county', name: '别县组织部', role: 'county_department', scope: { level: 'county', county: OTHER_COUNTY } };
const forged: Record<'foreign' | 'expired' | 'algNone' | 'badClaims', string> = { foreign: '', expired: '', algNone: '', badClaims: '' };

const watchedCases = () => Object.values(fixture);
const snapshot = () => takeWriteSnapshot(h.db.dataSource, h.cases, { caseIds: watchedCases() });

const inDays = (days: number) => new Date(fuzzStart + days * DAY).toISOString();

function measuresDueLater(state: CaseState) {
  return state.problems
    .filter((problem) => problem.round === state.round)
    .map((problem) => ({ problemId: problem.id, description: `针对“${problem.description}”制定具体整改措施`, ownerId: state.org.secretary.personId, ownerName: state.org.secretary.name, dueAt: inDays(20) }));
}

async function openFixtureCase(body: ReturnType<typeof openCaseBody>): Promise<string> {
  const opened = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body });
  expect(opened.status).toBe(201);
  orgCodes.set(opened.body.caseId, body.org.code);
  return opened.body.caseId as string;
}

async function act(caseId: string, as: Actor, action: CaseActionType, body: unknown = {}): Promise<void> {
  const response = await h.post(`/cases/${enc(caseId)}/actions/${action}`, { as, body });
  expect([action, response.status, response.text.slice(0, 300)]).toEqual([action, 200, expect.any(String)]);
}

beforeAll(async () => {
  h = await startApiHarness('api-fuzz');
  const created = await h.post('/campaigns', { as: county, body: campaignBody(FUZZ_POLICY, { endsAt: inDays(90) }) });
  expect(created.status).toBe(201);
  campaignId = created.body.id;
  const other = await h.post('/campaigns', { as: otherCounty, body: campaignBody(FUZZ_POLICY, { county: OTHER_COUNTY, endsAt: inDays(90) }) });
  expect(other.status).toBe(201);
  otherCampaignId = other.body.id;

  fixture.identified = await openFixtureCase(openCaseBody('rural', { withTeam: false }));
  fixture.assigned = await openFixtureCase(openCaseBody('rural'));
  fixture.remediating = await openFixtureCase(openCaseBody('state_owned_enterprise'));
  fixture.publicizing = await openFixtureCase(openCaseBody('non_public_enterprise'));
  for (const caseId of [fixture.remediating, fixture.publicizing]) {
    const secretary = secretaryOf(orgCodes.get(caseId)!);
    await act(caseId, secretary, 'submitPlan', { measures: measuresDueLater(await h.cases.state(caseId)) });
    await act(caseId, committee, 'approvePlan');
  }
  const publicizing = await h.cases.state(fixture.publicizing);
  for (const measure of publicizing.measures) {
    await act(fixture.publicizing, secretaryOf(publicizing.org.code), 'reportMeasureDone', { measureId: measure.id, evidence: '已完成，台账附后' });
    await act(fixture.publicizing, committee, 'verifyMeasure', { measureId: measure.id, accepted: true, comment: '核验属实' });
  }
  await act(fixture.publicizing, committee, 'startPublicity');

  // An import with nothing valid in it: done at once, opens nothing.
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await writeScreeningList([{ ...screeningRow('fixtureimp', TOWNSHIP), domain: '工厂' }], 'csv'))]), '摸排名单.csv');
  const uploaded = await fetch(`${h.url}/campaigns/${campaignId}/screening-imports`, { method: 'POST', headers: { authorization: `Bearer ${await h.token(county)}` }, body: form });
  expect(uploaded.status).toBe(202);
  importId = ((await uploaded.json()) as { importId: string }).importId;

  const secret = new TextEncoder().encode(h.config.auth.jwtSecret);
  forged.foreign = await mintDevToken({ ...h.config.auth, jwtSecret: 'a-different-secret-of-sufficient-length' }, county);
  forged.expired = await mintDevToken(h.config.auth, county, Math.floor(Date.now() / 1000) - 3600);
  const claims = Buffer.from(JSON.stringify({ sub: county.userId, name: county.name, role: county.role, scope: county.scope, iss: h.config.auth.issuer, aud: h.config.auth.audience })).toString('base64url');
  forged.algNone = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${claims}.`;
  forged.badClaims = await new SignJWT({ name: '管理员', role: 'admin', scope: { level: 'county', county: COUNTY } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('admin')
    .setIssuer(h.config.auth.issuer)
    .setAudience(h.config.auth.audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(secret);

  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases, { caseIds: watchedCases() });
  const stages = await Promise.all(watchedCases().map(async (caseId) => (await h.cases.state(caseId)).stage));
  expect(stages).toEqual(['identified', 'assigned', 'remediating', 'publicizing']);
  doc = (await h.get('/docs-json')).body as OpenApiDocument;
  operations = new Map(operationsOf(doc).map((operation) => [operation.key, operation]));
  baseline = await snapshot();
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

// ---------------------------------------------------------------------------------------------
// Who asks.

function roleActors(caseId: string | undefined, state: CaseState | undefined): Actor[] {
  const orgCode = state?.org.code ?? (caseId && orgCodes.get(caseId)) ?? orgCodes.get(fixture.assigned)!;
  const member = state?.team.find((m) => m.teamRole !== 'paired_agency' && m.teamRole !== 'supervising_committee') ?? teamFor('rural')[0];
  return [county, committee, auditor, secretaryOf(orgCode), leaderOf(orgCode, member)];
}
const OTHER_SCOPE: Actor[] = [otherCounty, otherCommittee, secretaryOf('org-elsewhere')];

type AuthPlan =
  | { kind: 'right' | 'wrongRole' | 'otherScope'; pick: number }
  | { kind: 'forged'; token: keyof typeof forged }
  | { kind: 'garbage'; header: string }
  | { kind: 'none' };

/** Characters fetch may send in a header value. */
const headerChar = fc.integer({ min: 0x20, max: 0xff }).filter((code) => code !== 0x7f).map((code) => String.fromCharCode(code));
const visibleAscii = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));

const authArb: fc.Arbitrary<AuthPlan> = fc.oneof(
  { weight: 8, arbitrary: fc.nat().map((pick): AuthPlan => ({ kind: 'right', pick })) },
  { weight: 2, arbitrary: fc.nat().map((pick): AuthPlan => ({ kind: 'wrongRole', pick })) },
  { weight: 1, arbitrary: fc.nat().map((pick): AuthPlan => ({ kind: 'otherScope', pick })) },
  { weight: 1, arbitrary: fc.constantFrom<keyof typeof forged>('foreign', 'expired', 'algNone', 'badClaims').map((token): AuthPlan => ({ kind: 'forged', token })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.string({ unit: headerChar, maxLength: 80 }).map((garbage) => `Bearer ${garbage}`),
        fc.string({ unit: visibleAscii, maxLength: 80 }),
        fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer a.b.c', 'Bearer a.b.c.d', 'Bearer e30.e30.', `Bearer ${'x'.repeat(3000)}`),
      )
      .map((header): AuthPlan => ({ kind: 'garbage', header })),
  },
  { weight: 1, arbitrary: fc.constant<AuthPlan>({ kind: 'none' }) },
);

// ---------------------------------------------------------------------------------------------
// What is asked: path parameters, query, Idempotency-Key, body.

type SegmentPlan =
  | { kind: 'valid'; value: string }
  /** A fixture case in a stage the operation works in (see Endpoint.stages), chosen when the request is made. */
  | { kind: 'suitable'; pick: number }
  | { kind: 'garbage'; text: string; raw: boolean }
  | { kind: 'long'; length: number; char: string };

const garbageText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.constantFrom(...INJECTIONS, '..', '.', '../', '..%2F..%2Fetc', '%', '%E0%A4%A', '%2e%2e', '%ZZ', 'case:', 'case::', `case:${'a'.repeat(65)}:x`, 'case:c1:org/../../x', '?x=1', '#frag', ';x=1'),
);

function segmentArb(name: string, endpoint: Endpoint, focused: boolean): fc.Arbitrary<SegmentPlan> {
  const valid: string[] =
    name === 'caseId'
      ? [...watchedCases(), `case:${campaignId}:no-such-org`, `case:${otherCampaignId}:org-elsewhere`]
      : name === 'campaignId'
        ? [campaignId, otherCampaignId, 'c000000000000']
        : name === 'importId'
          ? [importId, `${campaignId}:${'0'.repeat(64)}`, `${otherCampaignId}:${importId.split(':')[1]}`]
          : name === 'number' || name === 'spotCheckId'
            ? ['1', '2', '999']
            : name === 'year'
              ? ['2031', '1999', '2100']
              : ['x'];
  const weights = name === 'caseId' ? [4, 4, 4, 4, 1, 1] : [6, 1, 1];
  const suitable = name === 'caseId' && endpoint.stages ? 8 : 0;
  if (focused) {
    const real = valid.slice(0, name === 'caseId' ? watchedCases().length : 1);
    return fc.oneof({ weight: suitable, arbitrary: fc.nat().map((pick): SegmentPlan => ({ kind: 'suitable', pick })) }, { weight: 4, arbitrary: fc.constantFrom(...real).map((value): SegmentPlan => ({ kind: 'valid', value })) });
  }
  return fc.oneof(
    { weight: suitable, arbitrary: fc.nat().map((pick): SegmentPlan => ({ kind: 'suitable', pick })) },
    { weight: 8, arbitrary: fc.oneof(...valid.map((value, index) => ({ weight: weights[index] ?? 1, arbitrary: fc.constant<SegmentPlan>({ kind: 'valid', value }) }))) },
    { weight: 2, arbitrary: fc.record({ text: garbageText, raw: fc.boolean() }).map((plan): SegmentPlan => ({ kind: 'garbage', ...plan })) },
    { weight: 1, arbitrary: fc.record({ length: fc.integer({ min: 65, max: 6000 }), char: fc.constantFrom('a', '中', '%', '/') }).map((plan): SegmentPlan => ({ kind: 'long', ...plan })) },
  );
}

/** encodeURIComponent, with lone surrogates (which it refuses) sent as U+FFFD, as a browser would. */
const encodeAny = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

function segmentText(plan: Exclude<SegmentPlan, { kind: 'suitable' }>): string {
  if (plan.kind === 'valid') return enc(plan.value);
  // Long, but with the whole request head under Node's 16 KB limit, so the request reaches a route.
  if (plan.kind === 'long') return (plan.char === '/' ? 'a/'.repeat(Math.floor(plan.length / 2)) : encodeAny(plan.char.repeat(plan.length))).slice(0, MAX_SEGMENT);
  // Raw: as typed, only what a URL cannot hold at all is escaped (fetch would do the same).
  return plan.raw ? plan.text.replace(/[^\x21-\x7e]/gu, encodeAny) : encodeAny(plan.text);
}

interface QueryItem {
  name: string;
  value: string;
  raw: boolean;
}

function queryValueArb(parameter: Parameter): fc.Arbitrary<string> {
  const schema = resolveSchema(parameter.schema);
  const valid: fc.Arbitrary<string>[] = [];
  if (schema.enum?.length) valid.push(fc.constantFrom(...schema.enum.map(String)));
  if (schema.type === 'number' || schema.type === 'integer') valid.push(fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 200 }).map(String));
  if (schema.type === 'boolean') valid.push(fc.constantFrom('true', 'false'));
  if (parameter.name === 'campaignId') valid.push(fc.constantFrom(campaignId, otherCampaignId));
  if (parameter.name === 'township') valid.push(fc.constantFrom(TOWNSHIP, '河口镇', '非公党工委'));
  if (parameter.name === 'personId') valid.push(fc.constantFrom(`sec-${orgCodes.get(fixture.assigned)}`, 'lead-county', 'nobody'));
  if (valid.length === 0) valid.push(fc.string({ maxLength: 20 }));
  return fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...valid) },
    { weight: 2, arbitrary: garbageText },
    { weight: 1, arbitrary: fc.constantFrom('-1', '0', '1.5', '1e3', ' 2', '99999999999', '0x10', 'TRUE', '[]', '{}', 'a'.repeat(1000)) },
  );
}

function queryArb(operation: Operation): fc.Arbitrary<QueryItem[]> {
  const known = operation.queryParams.map((parameter) =>
    fc.record({ name: fc.constant(parameter.name), value: queryValueArb(parameter), raw: fc.boolean() }),
  );
  const unknown = fc.record({
    name: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'stage[]', 'page[x]', 'sort[$ne]', 'a'.repeat(200))),
    value: garbageText,
    raw: fc.boolean(),
  });
  const item = known.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.oneof(...known) }, { weight: 1, arbitrary: unknown }) : unknown;
  return fc.oneof({ weight: known.length > 0 ? 2 : 4, arbitrary: fc.constant<QueryItem[]>([]) }, { weight: 3, arbitrary: fc.array(item, { minLength: 1, maxLength: 5 }) });
}

function queryText(items: QueryItem[]): string {
  if (items.length === 0) return '';
  const part = (text: string, raw: boolean) => (raw ? text.replace(/[^\x21-\x7e]|[#&=]/gu, encodeAny) : encodeAny(text));
  return `?${items.map((item) => `${part(item.name, item.raw)}=${part(item.value, item.raw)}`).join('&')}`;
}

const idempotencyArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.string({ unit: visibleAscii, minLength: 1, maxLength: 64 }) },
  { weight: 1, arbitrary: fc.constantFrom('fuzz-fixed-key', 'fuzz-fixed-key-2') },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('', 'has spaces in it', 'ключ', '键'.normalize()),
      fc.string({ unit: headerChar, minLength: 1, maxLength: 30 }),
      fc.integer({ min: 201, max: 2000 }).map((length) => 'k'.repeat(length)),
    ),
  },
);

/** Header values fetch refuses to send (non-Latin-1) are sent percent-encoded instead. */
const headerSafe = (value: string) => (/^[\x20-\x7e\x80-\xff]*$/.test(value) ? value : encodeAny(value));

type Mutation =
  | { op: 'delete'; path: Path }
  | { op: 'set'; path: Path; value: unknown }
  | { op: 'huge'; path: Path; length: number; char: string }
  | { op: 'repeat'; path: Path; count: number }
  | { op: 'extra'; path: Path; key: string; value: unknown };

type BodyPlan =
  | { kind: 'base' }
  | { kind: 'mutated'; mutations: Mutation[] }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string | null }
  | { kind: 'truncated'; at: number }
  | { kind: 'nested'; depth: number }
  | { kind: 'none' }
  | { kind: 'typed'; contentType: string };

const CONTENT_TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/xml', 'multipart/form-data; boundary=x', 'application/merge-patch+json'];

function wrongTypeArb(schema: Schema): fc.Arbitrary<unknown> {
  const all: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.string({ maxLength: 20 })],
    ['number', fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))],
    ['boolean', fc.boolean()],
    ['array', fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })],
    ['object', fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })],
  ];
  const type = schema.type === 'integer' ? 'number' : (schema.type ?? (schema.properties ? 'object' : undefined));
  return fc.oneof(...all.filter(([name]) => name !== type).map(([, arbitrary]) => arbitrary));
}

/** Values of the right type that may or may not pass the rules: an enum member, a number in range, free text, a date. */
function plausibleArb(field: Field): fc.Arbitrary<unknown> {
  const { schema } = field;
  const name = String(field.path[field.path.length - 1]);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (/At$/.test(name)) return fc.oneof(fc.integer({ min: 10, max: 60 }).map(inDays), fc.constantFrom('2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-13-01', 'tomorrow'));
  switch (schema.type) {
    case 'number':
    case 'integer':
      return fc.oneof(fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 }), fc.double({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000, noNaN: true }));
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.string({ minLength: 1, maxLength: 30 }), fc.stringMatching(/^[a-z][a-z0-9_.-]{0,20}$/));
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function boundaryArb(field: Field): fc.Arbitrary<Mutation> {
  const { schema, path } = field;
  const options: fc.Arbitrary<Mutation>[] = [];
  if (schema.type === 'number' || schema.type === 'integer') {
    const values = [schema.minimum !== undefined ? schema.minimum - 1 : -1, schema.maximum !== undefined ? schema.maximum + 1 : 1e9, 0.5, -0.000001, 1e308, -1e308, 2 ** 53 + 1];
    options.push(fc.constantFrom(...values).map((value): Mutation => ({ op: 'set', path, value })));
  }
  if (schema.type === 'string' || schema.type === undefined) {
    const over = (schema.maxLength ?? 2000) + 1;
    options.push(fc.integer({ min: over, max: over + 40 }).chain((length) => fc.constantFrom('x', '中', ' ').map((char): Mutation => ({ op: 'huge', path, length, char }))));
  }
  if (schema.type === 'array') {
    options.push(fc.integer({ min: (schema.maxItems ?? 200) + 1, max: (schema.maxItems ?? 200) + 5 }).map((count): Mutation => ({ op: 'repeat', path, count })));
    options.push(fc.constant<Mutation>({ op: 'set', path, value: [] }));
  }
  if (schema.enum?.length) {
    const members = schema.enum.map(String);
    options.push(fc.constantFrom(...members.map((member) => member.toUpperCase()), ...members.map((member) => ` ${member}`), 'other').map((value): Mutation => ({ op: 'set', path, value })));
  }
  if (options.length === 0) options.push(fc.constant<Mutation>({ op: 'set', path, value: null }));
  return fc.oneof(...options);
}

function fieldMutationArb(fields: Field[]): fc.Arbitrary<Mutation> {
  return fc.constantFrom(...fields).chain((field) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant<Mutation>({ op: 'delete', path: field.path }) },
      { weight: 1, arbitrary: fc.constant<Mutation>({ op: 'set', path: field.path, value: null }) },
      { weight: 3, arbitrary: wrongTypeArb(field.schema).map((value): Mutation => ({ op: 'set', path: field.path, value })) },
      { weight: 3, arbitrary: boundaryArb(field) },
      { weight: 3, arbitrary: plausibleArb(field).map((value): Mutation => ({ op: 'set', path: field.path, value })) },
      { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS).map((value): Mutation => ({ op: 'set', path: field.path, value })) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((value): Mutation => ({ op: 'set', path: field.path, value })) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((value): Mutation => ({ op: 'set', path: field.path, value })) },
      { weight: 1, arbitrary: fc.integer({ min: 200_000, max: 400_000 }).map((length): Mutation => ({ op: 'huge', path: field.path, length, char: 'x' })) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value): Mutation => ({ op: 'set', path: field.path, value })) },
    ),
  );
}

function mutationArb(fields: Field[]): fc.Arbitrary<Mutation> {
  const objectPaths: Path[] = [[], ...fields.filter((field) => field.schema.properties || field.schema.type === 'object').map((field) => field.path)];
  const extra = fc
    .record({
      path: fc.constantFrom(...objectPaths),
      key: fc.oneof(fc.string({ minLength: 1, maxLength: 16 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'type', 'caseId', 'seq', 'actor', '$where', 'toString', '')),
      value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ polluted: true }), fc.constant({ prototype: { polluted: true } })),
    })
    .map((plan): Mutation => ({ op: 'extra', ...plan }));
  return fields.length > 0 ? fc.oneof({ weight: 5, arbitrary: fieldMutationArb(fields) }, { weight: 1, arbitrary: extra }) : extra;
}

function bodyArb(operation: Operation, focused: boolean): fc.Arbitrary<BodyPlan> {
  if (focused) {
    return fc.oneof(
      { weight: 3, arbitrary: (operation.fields.length > 0 ? fieldMutationArb(operation.fields) : mutationArb([])).map((mutation): BodyPlan => ({ kind: 'mutated', mutations: [mutation] })) },
      { weight: 1, arbitrary: fc.constant<BodyPlan>({ kind: 'base' }) },
    );
  }
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(mutationArb(operation.fields), { minLength: 1, maxLength: 2 }).map((mutations): BodyPlan => ({ kind: 'mutated', mutations })) },
    { weight: 4, arbitrary: fc.constant<BodyPlan>({ kind: 'base' }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value): BodyPlan => ({ kind: 'json', value })) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          text: fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('{"a":1,}', "{'a':1}", '{"a":1}{"b":2}', 'null', 'true', '0', '""', '[]', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '\uFEFF{}', '{"a":"\\ud800"}', '{"a":1e999}')),
          contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: null }),
        })
        .map((plan): BodyPlan => ({ kind: 'raw', ...plan })),
    },
    { weight: 1, arbitrary: fc.nat({ max: 400 }).map((at): BodyPlan => ({ kind: 'truncated', at })) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 100_000 }).map((depth): BodyPlan => ({ kind: 'nested', depth })) },
    { weight: 1, arbitrary: fc.constant<BodyPlan>({ kind: 'none' }) },
    { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES.slice(1)).map((contentType): BodyPlan => ({ kind: 'typed', contentType })) },
  );
}

function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The body with one mutation applied (a copy); intermediate containers are made as needed. */
function mutate(body: unknown, mutation: Mutation): unknown {
  const value = (() => {
    switch (mutation.op) {
      case 'huge':
        return mutation.char.repeat(mutation.length);
      case 'set':
      case 'extra':
        return mutation.value;
      default:
        return undefined;
    }
  })();
  const root: unknown = structuredClone(body);
  if (mutation.path.length === 0 && mutation.op !== 'extra') return mutation.op === 'delete' ? undefined : value;
  let container = (root !== null && typeof root === 'object' ? root : {}) as Record<string | number, unknown>;
  const top = container;
  const steps = mutation.op === 'extra' ? mutation.path : mutation.path.slice(0, -1);
  steps.forEach((step, index) => {
    let next = container[step];
    if (next === null || typeof next !== 'object') {
      next = typeof (steps[index + 1] ?? (mutation.op === 'extra' ? mutation.key : mutation.path[mutation.path.length - 1])) === 'number' ? [] : {};
      setOwn(container, step, next);
    }
    container = next as Record<string | number, unknown>;
  });
  if (mutation.op === 'extra') {
    setOwn(container, mutation.key, value);
    return top;
  }
  const last = mutation.path[mutation.path.length - 1];
  if (mutation.op === 'delete') {
    if (Array.isArray(container) && typeof last === 'number') container.splice(last, 1);
    else delete container[last];
  } else if (mutation.op === 'repeat') {
    const items = Array.isArray(container[last]) ? (container[last] as unknown[]) : [];
    setOwn(container, last, Array.from({ length: mutation.count }, () => structuredClone(items[0] ?? {})));
  } else {
    setOwn(container, last, value);
  }
  return top;
}

// ---------------------------------------------------------------------------------------------
// Uploads (multipart/form-data).

const SCREENING_KEYS: ScreeningColumnKey[] = ['orgCode', 'orgName', 'domain', 'township', 'isKeyVillage', 'secretaryName', 'secretaryId', 'category', 'description', 'source'];


type UploadPlan =
  | { kind: 'list'; format: 'csv' | 'xlsx'; codes: string[]; cell?: { row: number; key: ScreeningColumnKey; value: string }; fileName: string }
  | { kind: 'csvText'; header: string[]; rows: string[][]; fileName: string }
  | { kind: 'bytes'; prefix: 'none' | 'zip' | 'ole' | 'bom'; bytes: Uint8Array; fileName: string; mime: string }
  | { kind: 'parts'; parts: 'none' | 'otherField' | 'twoFiles' | 'textField' }
  | { kind: 'body'; body: BodyPlan };

const fileNameArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('摸排名单.csv', 'list.csv', 'list.xlsx', 'LIST.CSV') },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('', '.csv', 'a.txt', '名单.xls', '../../etc/passwd.csv', 'a\u0000b.csv', 'x"; filename="y.csv', `${'长'.repeat(300)}.csv`, 'list.csv.exe'),
      fc.string({ maxLength: 30 }).map((name) => `${name}.csv`),
    ),
  },
);

const cellArb = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...INJECTIONS, '"', '""', 'a"b', '\n', ',', '=1+1', '@SUM(A1)', '农村', '是', TOWNSHIP), fc.integer({ min: 490, max: 700 }).map((length) => '述'.repeat(length)));
const orgCodeArb = fc.stringMatching(/^fz[a-z0-9]{6}$/);

const uploadArb: fc.Arbitrary<UploadPlan> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        format: fc.constantFrom<'csv' | 'xlsx'>('csv', 'csv', 'xlsx'),
        codes: fc.uniqueArray(orgCodeArb, { minLength: 1, maxLength: 3 }),
        cell: fc.option(fc.record({ row: fc.nat({ max: 2 }), key: fc.constantFrom(...SCREENING_KEYS), value: cellArb }), { nil: undefined }),
        fileName: fileNameArb,
      })
      .map((plan): UploadPlan => ({ kind: 'list', ...plan })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        header: fc.oneof(fc.constant<string[]>([...SCREENING_HEADERS]), fc.shuffledSubarray<string>([...SCREENING_HEADERS]), fc.constant<string[]>(SCREENING_KEYS.map(String)), fc.array(cellArb, { maxLength: 12 })),
        rows: fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 6 }),
        fileName: fileNameArb,
      })
      .map((plan): UploadPlan => ({ kind: 'csvText', ...plan })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        prefix: fc.constantFrom<'none' | 'zip' | 'ole' | 'bom'>('none', 'zip', 'ole', 'bom'),
        bytes: fc.uint8Array({ maxLength: 2048 }),
        fileName: fileNameArb,
        mime: fc.constantFrom('text/csv', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/png', ''),
      })
      .map((plan): UploadPlan => ({ kind: 'bytes', ...plan })),
  },
  { weight: 1, arbitrary: fc.constantFrom<'none' | 'otherField' | 'twoFiles' | 'textField'>('none', 'otherField', 'twoFiles', 'textField').map((parts): UploadPlan => ({ kind: 'parts', parts })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.jsonValue({ maxDepth: 3 }).map((value): BodyPlan => ({ kind: 'json', value })), fc.constant<BodyPlan>({ kind: 'none' }), fc.constantFrom(...CONTENT_TYPES).map((contentType): BodyPlan => ({ kind: 'typed', contentType })))
      .map((body): UploadPlan => ({ kind: 'body', body })),
  },
);

function csvLine(cells: string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) && cell.length % 2 === 0 ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

async function uploadForm(plan: UploadPlan): Promise<FormData | undefined> {
  const form = new FormData();
  const file = (content: Uint8Array, name: string, type = 'text/csv', field = 'file') => form.append(field, new Blob([new Uint8Array(content)], { type }), name);
  switch (plan.kind) {
    case 'list': {
      const rows = plan.codes.map((code) => screeningRow(code, TOWNSHIP));
      if (plan.cell && rows[plan.cell.row]) rows[plan.cell.row] = { ...rows[plan.cell.row], [plan.cell.key]: plan.cell.value };
      file(await writeScreeningList(rows, plan.format), plan.fileName);
      return form;
    }
    case 'csvText':
      file(Buffer.from([csvLine(plan.header), ...plan.rows.map(csvLine)].join('\r\n'), 'utf8'), plan.fileName);
      return form;
    case 'bytes': {
      const prefix = { none: [], zip: [0x50, 0x4b, 0x03, 0x04], ole: [0xd0, 0xcf, 0x11, 0xe0], bom: [0xef, 0xbb, 0xbf] }[plan.prefix];
      file(new Uint8Array([...prefix, ...plan.bytes]), plan.fileName, plan.mime);
      return form;
    }
    case 'parts':
      if (plan.parts === 'otherField') file(Buffer.from('组织代码\n'), 'list.csv', 'text/csv', 'upload');
      if (plan.parts === 'twoFiles') {
        file(Buffer.from('组织代码\n'), 'a.csv');
        file(Buffer.from('组织代码\n'), 'b.csv');
      }
      if (plan.parts === 'textField') form.append('file', 'not a file');
      if (plan.parts === 'none') form.append('note', '没有文件');
      return form;
    case 'body':
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The table: every operation of /docs-json, with who may call it, a valid body, and what an accepted
// request must have written.

interface Resolved {
  operation: Operation;
  plan: Plan;
  params: Record<string, string>;
  caseId?: string;
  state?: CaseState;
  actor?: Actor;
  path: string;
  headers: Record<string, string>;
  body?: string | FormData;
  bodyShown: string;
}

interface WriteCheck {
  /** Cases the request wrote to: their read model must catch up with the workflow. */
  touched: string[];
  /** Changes between the snapshots that this request may make. */
  allowed: (change: string) => boolean;
}

interface Endpoint {
  /** Roles that may call it: 'public' needs no token, 'any' takes any signed-in role. */
  roles: readonly UserRole[] | 'public' | 'any';
  /** Stages a case in the path must be in for the request to be accepted: such cases are chosen more often. */
  stages?: readonly Stage[];
  runs?: number;
  /** A body the rules accept (before mutation), from the current state of the case in the path. */
  body?: (r: { caseId?: string; state?: CaseState; fresh: string[] }) => unknown;
  upload?: boolean;
  /** For a 2xx (not replayed): checks that it wrote everything it says, and what it may have written. */
  wrote?: (r: Resolved, response: Answer, before: WriteSnapshot) => Promise<WriteCheck>;
  /** For any 2xx: what the answer itself must say. */
  answered?: (r: Resolved, response: Answer) => Promise<string[]> | string[];
}

const nothing: WriteCheck = { touched: [], allowed: () => false };

function failIf(condition: boolean, message: string): void {
  if (condition) throw new Error(message);
}

function actionBody(action: CaseActionType, state: CaseState | undefined): unknown {
  const pending = state?.measures.find((measure) => measure.round === state.round && measure.status === 'pending');
  const reported = state?.measures.find((measure) => measure.round === state.round && measure.status === 'reported');
  const openObjection = state?.objections.find((objection) => objection.status === 'open');
  switch (action) {
    case 'assignTeam':
      return { members: teamFor(state?.org.domain ?? 'rural') };
    case 'submitPlan':
    case 'addMeasures':
      return { measures: state ? measuresDueLater(state) : [{ problemId: 'p1', description: '措施', ownerId: 'sec-x', ownerName: '书记', dueAt: inDays(20) }] };
    case 'returnPlan':
      return { reasons: ['措施不够具体，缺少时间节点'] };
    case 'approvePlan':
      return { comment: '同意按此方案实施' };
    case 'approveMeasures':
      return { comment: '同意补充措施，限期落实' };
    case 'completeMeasure':
    case 'reportMeasureDone':
      return { measureId: pending?.id ?? 'm1', evidence: '已召开党员大会通报整改情况，台账附后' };
    case 'verifyMeasure':
      return { measureId: reported?.id ?? pending?.id ?? 'm1', accepted: true, comment: '经实地查看，记录齐全' };
    case 'replaceSecretary':
      // The secretary in post (refused by the rules): the fixture cases keep the secretary the other actions sign in as.
      return { personId: state?.org.secretary.personId ?? 'sec-x', name: state?.org.secretary.name ?? '书记', effectiveAt: inDays(-1), reason: '原书记不胜任' };
    case 'recordSupervision':
      return { kind: 'unannounced', visitedAt: inDays(-1), visitors: '县委组织部组织科 张科长、李干事', findings: '“三会一课”记录与实际相符，群众反映良好' };
    case 'setRectificationDeadline':
      return { dueAt: inDays(300), reason: '本轮整顿截止后仍需整顿，限期整改' };
    case 'reportProgress':
      return { summary: '本月召开党员大会1次，化解矛盾2件' };
    case 'submitExplanation':
      return { dueItemKey: state?.escalation.records[0]?.dueItemKey ?? 'plan:r1', explanation: '书记住院两周，已安排副书记代为推进' };
    case 'startPublicity':
      return {};
    case 'resolveObjection':
      return { objectionId: openObjection?.id ?? 'obj-1', decision: 'dismissed', reason: '经核实不属实' };
    case 'recordPreliminaryAcceptance':
    case 'recordCountyAcceptance':
      return { checks: ALL_CHECKS, opinion: '台账完整，措施落实' };
    case 'recordFollowUpReview':
      return { checks: REVIEW_OK, opinion: '未发现反弹', reboundedProblemIds: [], newProblems: [] };
    case 'reviewExplanation':
      return { lapseId: state?.escalation.lapses?.[0]?.id ?? 'lapse-1', accepted: false, comment: '理由不成立，提请约谈' };
    case 'recordTalk':
    case 'declineTalk':
    case 'decideHandling': {
      const kind = action === 'decideHandling' ? 'organizational_handling' : 'talk';
      const proposal = state?.escalation.proposals?.find((candidate) => candidate.kind === kind && candidate.status === 'proposed');
      const proposalId = proposal?.id ?? 'proposal-1';
      if (action === 'recordTalk') return { proposalId, heldAt: inDays(-1), talkedTo: ['branch_secretary'], record: '指出逾期问题，要求限期整改' };
      if (action === 'declineTalk') return { proposalId, reason: '逾期事出有因，已书面说明' };
      return { proposalId, decision: 'admonishment', reason: '累计约谈两次，研究决定诫勉谈话' };
    }
  }
}

/** An accepted case action: the workflow's seq advanced to what the answer says, and only this case changed. */
const actionWrote = async (r: Resolved, response: Answer, before: WriteSnapshot): Promise<WriteCheck> => {
  const caseId = r.caseId!;
  const prior = before.states[caseId];
  failIf(!prior, `accepted an action on ${caseId}, which is not a fixture case`);
  failIf(response.body?.caseId !== caseId, `answered for case ${response.body?.caseId}`);
  failIf(!(response.body?.seq > prior.seq), `accepted, but seq did not advance (${prior.seq} → ${response.body?.seq})`);
  const state = await h.cases.state(caseId);
  failIf(state.seq < response.body.seq, `the workflow is at seq ${state.seq}, behind the answer's ${response.body.seq}`);
  return { touched: [caseId], allowed: (change) => change.includes(caseId) };
};

/**
 * An opened case: its workflow answers, and its first workflow task has written it to the read model.
 * An open answers 201 once Temporal has taken the start, so the row may follow the answer by a moment.
 */
async function openedCase(caseId: string): Promise<void> {
  accepted.add(caseId);
  await h.cases.state(caseId);
  await eventually(
    async () => ((await h.db.dataSource.query('SELECT 1 FROM case_record WHERE case_id = $1', [caseId])) as unknown[]).length > 0,
    30_000,
    `the opened case ${caseId} to reach the read model`,
  );
}

/** An accepted open: the case exists, as the answer names it. */
const openWrote = async (r: Resolved, response: Answer): Promise<WriteCheck> => {
  const caseId = String(response.body?.caseId);
  failIf(!caseId.startsWith(`case:${r.params.campaignId}:`), `opened ${caseId} in another campaign than ${r.params.campaignId}`);
  await openedCase(caseId);
  return { touched: [caseId], allowed: (change) => change.includes(caseId) };
};

const batchWrote = async (_r: Resolved, response: Answer): Promise<WriteCheck> => {
  const results = (response.body?.results ?? []) as { status: number; caseId?: string; problem?: unknown }[];
  const opened = results.filter((result) => result.status === 201).map((result) => String(result.caseId));
  failIf(response.body?.created !== opened.length || response.body?.failed !== results.length - opened.length, `created/failed do not add up: ${JSON.stringify(response.body).slice(0, 300)}`);
  for (const caseId of opened) await openedCase(caseId);
  return { touched: opened, allowed: (change) => opened.some((caseId) => change.includes(caseId)) };
};

const signalWrote = (kind: 'objection' | 'rating') => async (r: Resolved, response: Answer): Promise<WriteCheck> => {
  const caseId = r.caseId!;
  const id = String(response.body?.id);
  await eventually(
    async () => {
      const state = await h.cases.state(caseId);
      return kind === 'objection' ? state.objections.some((objection) => objection.id === id) : state.satisfaction.ratingIds.includes(id);
    },
    10_000,
    `the accepted ${kind} ${id} to reach the workflow of ${caseId}`,
  );
  return { touched: [caseId], allowed: (change) => change.includes(caseId) };
};

const uploadWrote = async (_r: Resolved, response: Answer, before: WriteSnapshot): Promise<WriteCheck> => {
  const id = String(response.body?.importId);
  if (response.body?.created === false) {
    failIf(!before.importJobs.some((job) => (job as { id: string }).id === id), `said the import ${id} existed before, but it did not`);
    return nothing;
  }
  const job = await eventually(
    async () => {
      const [row] = (await h.db.dataSource.query('SELECT done, total, started, already_existing, failed FROM import_job WHERE id = $1', [id])) as { done: boolean; total: number; started: number; already_existing: number; failed: number }[];
      return row?.done ? row : undefined;
    },
    30_000,
    `the import ${id} to finish`,
  );
  failIf(job.started + job.already_existing + job.failed !== job.total, `the import ${id} finished with started ${job.started} + existing ${job.already_existing} + failed ${job.failed} ≠ total ${job.total}`);
  const rows = (await h.db.dataSource.query(`SELECT case_id FROM import_row WHERE import_id = $1 AND status = 'started'`, [id])) as { case_id: string }[];
  const known = new Set(before.rows.map((row) => row.case_id));
  const opened = rows.map((row) => row.case_id);
  failIf(opened.length !== job.started || opened.some((caseId) => known.has(caseId)), `the import ${id} says ${job.started} started, its rows name ${opened.join(', ')}`);
  for (const caseId of opened) await openedCase(caseId);
  return { touched: opened, allowed: (change) => change.startsWith(`import_job ${id}`) || opened.some((caseId) => change.includes(caseId)) };
};

const ENDPOINTS: Record<string, Endpoint> = {
  'GET /health': { roles: 'public', runs: 15 },
  'GET /dev/tokens': { roles: 'public', runs: 15 },
  'POST /dev/tokens': {
    roles: 'public',
    body: () => ({ userId: 'fz-user', name: '某委员', role: 'township_committee', scope: { level: 'township', county: COUNTY, township: TOWNSHIP } }),
    wrote: async (_r, response) => {
      // A minted token is one the API accepts.
      const check = await h.get('/campaigns', { as: String(response.body?.token) });
      failIf(check.status !== 200, `a token POST /dev/tokens minted is refused: ${check.status} ${check.text.slice(0, 200)}`);
      return nothing;
    },
  },
  'GET /audit/verify': { roles: ['county_department', 'auditor'], runs: 25, answered: (_r, response) => (response.body?.ok === true ? [] : [`the audit chain is broken: ${response.text}`]) },
  'GET /audit/entries': { roles: ['county_department', 'auditor'], runs: READ_RUNS },
  'POST /campaigns': {
    roles: ['county_department'],
    body: () => campaignBody(FUZZ_POLICY, { endsAt: inDays(90) }),
    wrote: async (r, response) => {
      const id = String(response.body?.id);
      const status = await h.get(`/campaigns/${enc(id)}/status`, { as: r.actor ?? county });
      failIf(status.status !== 200, `campaign ${id} was created but its workflow does not answer: ${status.status} ${status.text.slice(0, 200)}`);
      return { touched: [], allowed: (change) => change === `campaign ${id} added` };
    },
  },
  'GET /campaigns': { roles: 'any', runs: READ_RUNS },
  'GET /campaigns/{campaignId}': { roles: 'any', runs: READ_RUNS },
  'GET /campaigns/{campaignId}/status': { roles: 'any', runs: READ_RUNS },
  'GET /campaigns/{campaignId}/progress': { roles: 'any', runs: READ_RUNS },
  'GET /campaigns/{campaignId}/screening-template': { roles: 'any', runs: 15 },
  'POST /campaigns/{campaignId}/screening-imports': { roles: ['county_department'], upload: true, wrote: uploadWrote },
  'GET /campaigns/{campaignId}/screening-imports/{importId}': { roles: 'any', runs: READ_RUNS },
  'GET /ledger': { roles: ['county_department', 'township_committee', 'auditor'], runs: READ_RUNS },
  'GET /me/todos': { roles: 'any', runs: READ_RUNS },
  'GET /campaigns/{campaignId}/ranking': { roles: ['county_department', 'township_committee', 'auditor'], runs: READ_RUNS },
  'GET /campaigns/{campaignId}/committee-accountability': { roles: ['county_department', 'township_committee', 'auditor'], runs: READ_RUNS },
  // Decisions and notices are rows of their own (not in the write snapshot); a refusal still changes nothing of the cases.
  'POST /campaigns/{campaignId}/committee-accountability': {
    roles: ['county_department'],
    body: () => ({ township: TOWNSHIP, grade: 'serious_criticism', decision: 'not_warranted', reason: '经研究，逾期系客观原因' }),
    wrote: async () => nothing,
  },
  'POST /campaigns/{campaignId}/notices': { roles: ['county_department'], body: () => ({ remarks: '各乡镇党委要对照排名，逐个销号。' }), wrote: async () => nothing },
  'GET /campaigns/{campaignId}/notices': { roles: ['county_department', 'township_committee', 'auditor'], runs: READ_RUNS },
  'GET /campaigns/{campaignId}/notices/{number}/document': { roles: ['county_department', 'township_committee', 'auditor'], runs: 15 },
  // Spot-checks are rows of their own (not in the write snapshot), as decisions and notices are.
  'GET /campaigns/{campaignId}/spot-checks': { roles: ['county_department', 'township_committee', 'auditor'], runs: READ_RUNS },
  'POST /campaigns/{campaignId}/spot-checks': { roles: ['county_department'], body: () => ({ township: TOWNSHIP, stage: 'preliminary_acceptance' }), wrote: async () => nothing },
  'POST /campaigns/{campaignId}/spot-checks/{spotCheckId}/results': {
    roles: ['county_department'],
    body: () => ({ caseId: watchedCases()[0], passed: false, finding: '实地复核，台账系补写' }),
    wrote: async () => nothing,
  },
  'POST /campaigns/{campaignId}/cases': { roles: ['county_department'], body: ({ fresh }) => openCaseBody('rural', { orgCode: fresh[0] }), wrote: openWrote },
  'POST /campaigns/{campaignId}/cases/batch': {
    roles: ['county_department'],
    body: ({ fresh }) => ({ cases: [openCaseBody('rural', { orgCode: fresh[0] }), openCaseBody('community', { orgCode: fresh[1] })] }),
    wrote: batchWrote,
    answered: (_r, response) =>
      ((response.body?.results ?? []) as { index: number; status: number; problem?: { status?: number; code?: string } }[])
        .filter((result) => result.status >= 500 || (result.status !== 201 && (!result.problem?.code || result.problem.status !== result.status)))
        .map((result) => `batch item ${result.index} answered ${result.status} ${JSON.stringify(result.problem)}`),
  },
  'GET /cases': { roles: 'any', runs: RUNS_PER_OPERATION },
  'GET /cases/{caseId}': { roles: 'any', runs: READ_RUNS },
  'GET /cases/{caseId}/plan-warnings': { roles: 'any', runs: READ_RUNS },
  'GET /cases/{caseId}/spot-checks': { roles: ['county_department', 'township_committee', 'auditor'], runs: READ_RUNS },
  'GET /dashboard/summary': { roles: 'any', runs: READ_RUNS },
  'GET /notifications/dead-letters': { roles: ['county_department', 'auditor'], runs: READ_RUNS },
  'POST /notifications/dead-letters/{key}/retry': { roles: ['county_department'], runs: 15 },
  // The recipient directory is not in the write snapshot: an accepted save changes none of what it watches.
  'PUT /notifications/contacts': { roles: ['county_department'], body: ({ fresh }) => ({ persons: [{ personId: `sec-${fresh[0]}`, email: `${fresh[0]}@county.test` }] }), wrote: async () => nothing },
  // Read marks and robot settings are rows of their own (not in the write snapshot): an accepted request changes none of what it watches.
  'GET /me/notifications': { roles: 'any', runs: READ_RUNS },
  'POST /me/notifications/read': { roles: 'any', body: () => ({ all: true }), wrote: async () => nothing },
  'GET /notifications/robots': { roles: ['county_department', 'auditor'], runs: READ_RUNS },
  'PUT /notifications/robots': {
    roles: ['county_department'],
    body: () => ({
      siteUrl: 'https://zhengdun.county.test',
      dingtalk: { webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=fuzzToken0001', secret: 'SEC0123456789abcdef0123456789abcdef' },
      wecom: { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=fuzz-key-0001' },
    }),
    wrote: async () => nothing,
    answered: (_r, response) => (/SEC0123456789abcdef|fuzzToken0001|fuzz-key-0001/.test(response.text) ? ['the answer holds a robot secret or token'] : []),
  },
  // Holiday arrangements are rows of their own (not in the write snapshot), as robot settings are.
  'GET /calendar/holidays': { roles: 'any', runs: READ_RUNS },
  'PUT /calendar/holidays/{year}': {
    roles: ['county_department'],
    body: () => ({ holidays: [{ name: '元旦', from: '2031-01-01', to: '2031-01-01' }], makeUpWorkdays: ['2031-01-04'] }),
    wrote: async () => nothing,
  },
  'GET /public/cases/{caseId}': { roles: 'public', runs: READ_RUNS },
  'POST /public/cases/{caseId}/objections': { roles: 'public', stages: ['publicizing'], body: ({ fresh }) => ({ content: '支部换届仍未完成，公示内容与实际不符', objectionId: `obj-${fresh[0]}` }), wrote: signalWrote('objection') },
  'POST /public/cases/{caseId}/ratings': { roles: 'public', stages: ['publicizing', 'preliminary_acceptance', 'county_acceptance'], body: () => ({ level: 'satisfied' }), wrote: signalWrote('rating') },
  ...Object.fromEntries(
    CASE_ACTION_TYPES.map((action): [string, Endpoint] => [
      `POST /cases/{caseId}/actions/${action}`,
      { roles: CASE_ACTIONS[action].roles, stages: CASE_ACTIONS[action].stages, runs: ACTION_RUNS, body: ({ state }) => actionBody(action, state), wrote: actionWrote },
    ]),
  ),
};

// ---------------------------------------------------------------------------------------------
// One generated request: resolve, send, judge.

interface Plan {
  auth: AuthPlan;
  params: Record<string, SegmentPlan>;
  query: QueryItem[];
  idempotencyKey?: string;
  body?: BodyPlan;
  upload?: UploadPlan;
  /** Fresh organization codes and signal ids, for bodies that create something. */
  fresh: string[];
}

interface Answer {
  status: number;
  headers: Headers;
  body: JsonBody;
  text: string;
}

/**
 * Wild plans vary everything at once; focused ones (two in five) send one field wrong, or none, in an
 * otherwise good request (the right role, a case in a suitable stage, no noise) so that accepted
 * requests, and the writes they make, come up often enough to be checked.
 */
function planArb(operation: Operation, endpoint: Endpoint): fc.Arbitrary<Plan> {
  const sendsBody = operation.method !== 'GET' && operation.method !== 'HEAD';
  const none = fc.constant(undefined);
  const fresh = fc.array(orgCodeArb, { minLength: 2, maxLength: 2 });
  const plan = (focused: boolean): fc.Arbitrary<Plan> => {
    const params: fc.Arbitrary<Record<string, SegmentPlan>> = fc.record(Object.fromEntries(operation.pathParams.map((name) => [name, segmentArb(name, endpoint, focused)])));
    const idempotencyKey: fc.Arbitrary<string | undefined> = operation.method !== 'POST' ? none : focused ? fc.option(fc.string({ unit: visibleAscii, minLength: 1, maxLength: 64 }), { nil: undefined }) : idempotencyArb;
    const uploads = endpoint.upload || operation.multipart;
    const body: fc.Arbitrary<BodyPlan | undefined> = sendsBody && !uploads ? bodyArb(operation, focused) : none;
    const upload: fc.Arbitrary<UploadPlan | undefined> = uploads ? uploadArb : none;
    const auth: fc.Arbitrary<AuthPlan> = focused ? fc.nat().map((pick): AuthPlan => ({ kind: 'right', pick })) : authArb;
    return fc.record({ auth, params, query: focused ? fc.constant<QueryItem[]>([]) : queryArb(operation), idempotencyKey, body, upload, fresh });
  };
  return fc.oneof({ weight: 2, arbitrary: plan(true) }, { weight: 3, arbitrary: plan(false) });
}

function pick<T>(items: T[], index: number): T | undefined {
  return items.length > 0 ? items[index % items.length] : undefined;
}

function actorFor(endpoint: Endpoint, auth: AuthPlan, caseId: string | undefined, state: CaseState | undefined): Actor | undefined {
  if (auth.kind !== 'right' && auth.kind !== 'wrongRole' && auth.kind !== 'otherScope') return undefined;
  const pool = roleActors(caseId, state);
  const allowed = (actor: Actor) => endpoint.roles === 'any' || endpoint.roles === 'public' || endpoint.roles.includes(actor.role);
  if (auth.kind === 'right') return pick(pool.filter(allowed), auth.pick) ?? pool[0];
  if (auth.kind === 'wrongRole') return pick(pool.filter((actor) => !allowed(actor)), auth.pick) ?? pick(OTHER_SCOPE, auth.pick);
  return pick(OTHER_SCOPE, auth.pick);
}

function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
}

async function resolveRequest(operation: Operation, endpoint: Endpoint, plan: Plan, before: WriteSnapshot): Promise<Resolved> {
  const segments = Object.fromEntries(
    Object.entries(plan.params).map(([name, segment]): [string, Exclude<SegmentPlan, { kind: 'suitable' }>] => {
      if (segment.kind !== 'suitable') return [name, segment];
      const suitable = watchedCases().filter((caseId) => endpoint.stages?.includes(before.states[caseId].stage));
      return [name, { kind: 'valid', value: pick(suitable, segment.pick) ?? pick(watchedCases(), segment.pick)! }];
    }),
  );
  const params = Object.fromEntries(Object.entries(segments).map(([name, segment]) => [name, segment.kind === 'valid' ? segment.value : '']));
  const caseId = segments.caseId?.kind === 'valid' ? segments.caseId.value : undefined;
  const state = caseId ? before.states[caseId] : undefined;
  const path = operation.template.replace(/\{([^}]+)\}/g, (_match, name: string) => segmentText(segments[name])) + queryText(plan.query);
  const headers: Record<string, string> = {};
  const actor = actorFor(endpoint, plan.auth, caseId, state ?? before.states[fixture.assigned]);
  if (actor) headers.authorization = `Bearer ${await h.token(actor)}`;
  if (plan.auth.kind === 'forged') headers.authorization = `Bearer ${forged[plan.auth.token]}`;
  if (plan.auth.kind === 'garbage') headers.authorization = plan.auth.header;
  const bodyPlan = plan.upload?.kind === 'body' ? plan.upload.body : plan.body;
  if (plan.idempotencyKey !== undefined) headers['idempotency-key'] = headerSafe(plan.idempotencyKey);
  const resolved: Resolved = { operation, plan, params, caseId, state, actor, path, headers, bodyShown: '(none)' };

  if (plan.upload && plan.upload.kind !== 'body') {
    resolved.body = await uploadForm(plan.upload);
    resolved.bodyShown = `multipart ${shown(plan.upload)}`;
    return resolved;
  }
  if (!bodyPlan) return resolved;
  const base = endpoint.body ? endpoint.body({ caseId, state: state ?? before.states[fixture.assigned], fresh: plan.fresh }) : exampleOf(operation.bodySchema);
  let text: string | undefined;
  let contentType: string | null = 'application/json';
  switch (bodyPlan.kind) {
    case 'base':
      text = JSON.stringify(base);
      break;
    case 'mutated':
      text = JSON.stringify(bodyPlan.mutations.reduce(mutate, base)) ?? '';
      break;
    case 'json':
      text = JSON.stringify(bodyPlan.value);
      break;
    case 'raw':
      text = bodyPlan.text;
      contentType = bodyPlan.contentType;
      break;
    case 'truncated': {
      const full = JSON.stringify(base);
      text = full.slice(0, bodyPlan.at % Math.max(full.length, 1));
      break;
    }
    case 'nested':
      text = `${'['.repeat(bodyPlan.depth)}${']'.repeat(bodyPlan.depth)}`;
      break;
    case 'typed':
      text = JSON.stringify(base);
      contentType = bodyPlan.contentType;
      break;
    case 'none':
      contentType = null;
      break;
  }
  if (contentType) headers['content-type'] = contentType;
  resolved.body = text;
  resolved.bodyShown = `${contentType ?? '(no content-type)'} ${shown(text)}`;
  return resolved;
}

async function send(resolved: Resolved): Promise<Answer> {
  const response = await fetch(`${h.url}${resolved.path}`, {
    method: resolved.operation.method,
    headers: resolved.headers,
    body: resolved.body,
    signal: AbortSignal.timeout(45_000),
  });
  const text = await response.text();
  let body: JsonBody;
  if (/json/.test(response.headers.get('content-type') ?? '') && text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return { status: response.status, headers: response.headers, body, text };
}

function explain(resolved: Resolved, answer: Answer | undefined, failures: string[]): string {
  const auth = resolved.actor ? `${resolved.plan.auth.kind} → ${resolved.actor.role} ${resolved.actor.userId}` : resolved.plan.auth.kind;
  return [
    ...failures.map((failure) => `✗ ${failure}`),
    `request: ${resolved.operation.method} ${shown(resolved.path)}`,
    `  auth: ${auth}; Idempotency-Key: ${shown(resolved.headers['idempotency-key'])}`,
    `  body: ${resolved.bodyShown}`,
    answer ? `answer: ${answer.status} ${answer.headers.get('content-type') ?? ''} ${shown(answer.text)}` : 'answer: none',
  ].join('\n');
}

function answerFailures(endpoint: Endpoint, resolved: Resolved, answer: Answer): string[] {
  const failures: string[] = [];
  const { status } = answer;
  if (status >= 500) failures.push(`answered ${status}`);
  if (status >= 300) {
    const problem = answer.body as { type?: unknown; status?: unknown; code?: unknown; title?: unknown; title_en?: unknown; detail?: unknown; detail_en?: unknown; errors?: { field?: unknown }[] } | undefined;
    if (!(answer.headers.get('content-type') ?? '').startsWith('application/problem+json')) failures.push(`a ${status} that is not application/problem+json`);
    else if (
      !problem ||
      problem.status !== status ||
      typeof problem.code !== 'string' ||
      !problem.code ||
      typeof problem.type !== 'string' ||
      !problem.type.startsWith('urn:zhengdun:problem:') ||
      [problem.title, problem.title_en, problem.detail, problem.detail_en].some((text) => typeof text !== 'string' || !text)
    ) {
      failures.push('not a complete problem (type, status, code, title, title_en, detail, detail_en)');
    } else if (status === 400 && (!Array.isArray(problem.errors) || problem.errors.length === 0 || problem.errors.some((error) => typeof error.field !== 'string' || !error.field))) {
      failures.push('a 400 that names no field');
    }
    if (status === 401 && !answer.headers.get('www-authenticate')) failures.push('a 401 without WWW-Authenticate');
  } else if (endpoint.roles !== 'public' && !leavesRoute(resolved.path)) {
    if (!resolved.actor) failures.push(`answered ${status} without a valid token (${resolved.plan.auth.kind})`);
    else if (endpoint.roles !== 'any' && !endpoint.roles.includes(resolved.actor.role)) failures.push(`answered ${status} to ${resolved.actor.role}, a role the route does not allow`);
  }
  return failures;
}

/**
 * Whether a URL parser takes the path somewhere else: fetch, like a browser, resolves `..` and `.`
 * segments (also written `%2e`) before sending, so `/campaigns/../` asks for `/`, another route whose
 * rules of access are its own.
 */
function leavesRoute(path: string): boolean {
  const sent = path.split('?')[0].split('/');
  const reached = new URL(path, 'http://fuzz.invalid').pathname.split('/');
  return reached.length !== sent.length || reached[1] !== sent[1];
}

/** Waits until each case's read model row and timeline agree with its workflow. */
async function settle(caseIds: readonly string[]): Promise<void> {
  const lagging = async (caseId: string): Promise<boolean> => {
    const [state, rows, events] = await Promise.all([
      h.cases.state(caseId),
      h.db.dataSource.query('SELECT seq, stage FROM case_record WHERE case_id = $1', [caseId]) as Promise<{ seq: number; stage: string }[]>,
      h.db.dataSource.query('SELECT seq FROM case_event WHERE case_id = $1 ORDER BY seq', [caseId]) as Promise<{ seq: number }[]>,
    ]);
    const timeline = state.timeline.map((entry) => entry.seq).join(',');
    return !rows[0] || Number(rows[0].seq) !== state.seq || rows[0].stage !== state.stage || events.map((event) => event.seq).join(',') !== timeline;
  };
  await eventually(async () => !(await Promise.all(caseIds.map(lagging))).some(Boolean), 10_000, `the read model of ${caseIds.join(', ')} to agree with the workflows`);
}

async function fuzzOnce(operation: Operation, endpoint: Endpoint, plan: Plan): Promise<void> {
  const before = baseline ?? (await snapshot());
  baseline = undefined;
  const resolved = await resolveRequest(operation, endpoint, plan, before);
  let answer: Answer;
  try {
    answer = await send(resolved);
  } catch (error) {
    throw new Error(explain(resolved, undefined, [`the request failed: ${String(error)}`]));
  }
  const tally = tallies.get(operation.key) ?? new Map<number, number>();
  tally.set(answer.status, (tally.get(answer.status) ?? 0) + 1);
  tallies.set(operation.key, tally);

  const failures = answerFailures(endpoint, resolved, answer);
  if (answer.status < 300 && endpoint.answered) failures.push(...(await endpoint.answered(resolved, answer)));
  if (failures.length > 0) throw new Error(explain(resolved, answer, failures));

  const replayed = answer.headers.get('idempotency-replayed') === 'true';
  let check: WriteCheck = nothing;
  if (answer.status < 300 && !replayed && endpoint.wrote) {
    try {
      check = await endpoint.wrote(resolved, answer, before);
      await settle(check.touched);
    } catch (error) {
      throw new Error(explain(resolved, answer, [`accepted, but not wholly written: ${error instanceof Error ? error.message : String(error)}`]));
    }
  }
  const after = await snapshot();
  const changes = writeSnapshotChanges(before, after).filter((change) => !check.allowed(change));
  if (changes.length > 0) {
    const why = answer.status < 300 ? (replayed ? 'a replayed answer' : 'accepted') : `answered ${answer.status}`;
    throw new Error(explain(resolved, answer, [`${why}, but changed: ${changes.slice(0, 10).join('; ')}${changes.length > 10 ? ` … (${changes.length})` : ''}`]));
  }
  baseline = after;
}

/**
 * Shrinking re-runs the property against the live system, each run a request or more: past this
 * budget the remaining candidates are let pass, and fast-check reports the smallest failing request
 * found by then.
 */
const SHRINK_BUDGET_MS = 20_000;

async function fuzz(operation: Operation, endpoint: Endpoint): Promise<void> {
  let failedAt: number | undefined;
  await fc.assert(
    fc.asyncProperty(planArb(operation, endpoint), async (plan) => {
      if (failedAt !== undefined && Date.now() - failedAt > SHRINK_BUDGET_MS) return;
      try {
        await fuzzOnce(operation, endpoint, plan);
      } catch (error) {
        failedAt ??= Date.now();
        throw error;
      }
    }),
    { numRuns: endpoint.runs ?? RUNS_PER_OPERATION, includeErrorInReport: true },
  );
}

// ---------------------------------------------------------------------------------------------

it('has a generator for every operation /docs-json lists (and none for an operation it does not)', async () => {
  const missing = [...operations.keys()].filter((key) => !ENDPOINTS[key]);
  const stale = Object.keys(ENDPOINTS).filter((key) => !operations.has(key));
  // A new operation is still fuzzed (a body from its schema; whether it needs a token is not known), and reported.
  const failures: string[] = [];
  for (const key of missing) await fuzz(operations.get(key)!, { roles: 'public', runs: 15 }).catch((error: unknown) => failures.push(`${key}: ${String(error)}`));
  expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  expect(failures).toEqual([]);
  expect(operations.size).toBeGreaterThanOrEqual(33);
});

describe.each(Object.keys(ENDPOINTS))('%s', (key) => {
  it('never answers 5xx, answers every refusal as a problem, and writes all or nothing', async () => {
    const operation = operations.get(key);
    if (!operation) throw new Error(`${key} is not in /docs-json`);
    await fuzz(operation, ENDPOINTS[key]);
    if (operation.method !== 'GET') await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases, { caseIds: watchedCases() });
  });
});

it('left nothing behind: no late write, every case accounted for, the read model and the audit chain intact', async () => {
  const last = baseline ?? (await snapshot());
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(writeSnapshotChanges(last, await snapshot())).toEqual([]);
  const rows = (await h.db.dataSource.query('SELECT case_id FROM case_record ORDER BY case_id')) as { case_id: string }[];
  expect(rows.map((row) => row.case_id).sort()).toEqual([...new Set([...watchedCases(), ...accepted])].sort());
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases, { caseIds: [...watchedCases(), ...accepted] });
  const audit = await h.get('/audit/verify', { as: auditor });
  expect(audit.body).toMatchObject({ ok: true });
  const summary = [...tallies.entries()].map(([key, tally]) => {
    const runs = [...tally.values()].reduce((sum, n) => sum + n, 0);
    return `${key}: ${runs} runs, ${[...tally.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}`;
  });
  console.log(`api-fuzz: ${summary.length} operations, ${[...tallies.values()].reduce((sum, tally) => sum + [...tally.values()].reduce((s, n) => s + n, 0), 0)} requests\n${summary.join('\n')}`);
});

/** Problems this fuzzing found before the first run could reach them, kept as plain examples. */
describe('found by fuzzing', () => {
  it('refuses a body nested 5,000 levels deep sent with an Idempotency-Key with a 400, before hashing it', async () => {
    const response = await h.request('POST', '/campaigns', { as: county, rawBody: `${'{"name":'.repeat(5000)}1${'}'.repeat(5000)}`, headers: { 'idempotency-key': 'deeply-nested' } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('(body)');
  });

  it('answers a request head over 16 KB with a 431 problem', async () => {
    const response = await h.get(`/cases/${'a'.repeat(17_000)}`, { as: county });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type') ?? '').toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('http_431');
  });
});
