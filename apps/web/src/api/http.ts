/**
 * Calls to the API on the same origin. Every answer that is not 2xx becomes an ApiProblem carrying
 * the API's problem+json (Chinese title and detail, code, field errors), so forms can show the
 * refusal in plain words. A 401 on a signed-in call signs the user out.
 */
import { storedToken } from '../auth/session';
import { randomId } from '../lib/ids';
import type { components } from './schema.gen';

export type FieldError = components['schemas']['FieldErrorDto'];

/** A problem+json body as the API documents it; any field may be missing (a proxy's answer, a local refusal). */
export type ProblemBody = Partial<components['schemas']['ProblemDto']>;

/** For an answer without a problem body (a proxy's error page): the API's own refusals carry their title. */
const UNEXPLAINED_TITLE = '请求未成功';

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly code: string;
  readonly errors: FieldError[];

  constructor(status: number, body: ProblemBody) {
    const detail = body.detail ?? body.title ?? '操作未成功';
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.title = body.title ?? UNEXPLAINED_TITLE;
    this.detail = detail;
    this.code = body.code ?? `http_${status}`;
    this.errors = Array.isArray(body.errors) ? body.errors.filter((e) => typeof e?.detail === 'string') : [];
  }
}

/** Plain words for an error of any kind. */
export function describeError(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}

let tokenSource: () => string | null = storedToken;
let onUnauthorized: (problem: ApiProblem) => void = () => undefined;

export function configureHttp(options: { token: () => string | null; unauthorized: (problem: ApiProblem) => void }): void {
  tokenSource = options.token;
  onUnauthorized = options.unauthorized;
}

export interface RequestOptions {
  body?: unknown;
  /** Send without the signed-in user's token (public pages, sign-in). */
  anonymous?: boolean;
  /** Use this token instead of the session's (checking a pasted token). */
  token?: string;
  /** POST: an Idempotency-Key, so a retried click is applied once. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.anonymous ? null : (options.token ?? tokenSource());
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  // PUT replaces settings (the same twice is the same); a POST is applied once per key.
  if (method === 'POST') headers['Idempotency-Key'] = options.idempotencyKey ?? randomId();
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, signal: options.signal, cache: 'no-store' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, { title: '网络连接失败', detail: '无法连接服务器，请检查网络后重试' });
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text.length > 0 && /json/.test(response.headers.get('content-type') ?? '')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const problem = new ApiProblem(
      response.status,
      parsed && typeof parsed === 'object' ? (parsed as ProblemBody) : { detail: `${UNEXPLAINED_TITLE}（HTTP ${response.status}）` },
    );
    if (response.status === 401 && token && !options.token) onUnauthorized(problem);
    throw problem;
  }
  return parsed as T;
}

export const apiGet = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options);

/**
 * Uploads one file as multipart `file`, reporting the share sent (XMLHttpRequest: fetch reports no
 * upload progress). Answers the API's JSON, or throws its problem like `request` does.
 */
export function uploadFile<T>(path: string, file: File, onProgress: (sent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const token = tokenSource();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', randomId());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiProblem(0, { title: '网络连接失败', detail: '无法连接服务器，请检查网络后重试' }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiProblem(xhr.status, body && typeof body === 'object' ? (body as ProblemBody) : { detail: `${UNEXPLAINED_TITLE}（HTTP ${xhr.status}）` }));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** How far a download has come: bytes received, and the total when the answer says it (Content-Length). */
export interface DownloadProgress {
  received: number;
  total: number | null;
  /** The answer's headers, once they have arrived (e.g. X-Ledger-Cases). */
  headers: Headers;
}

/**
 * Downloads a file the API serves to the signed-in user, saving it under `fileName`. With
 * `onProgress`, the body is read chunk by chunk and each chunk reported (a large 台账 streams for a while).
 */
export async function downloadFile(path: string, fileName: string, onProgress?: (progress: DownloadProgress) => void): Promise<void> {
  const token = tokenSource();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  if (!response.ok) {
    const text = await response.text();
    let body: ProblemBody = { detail: `${UNEXPLAINED_TITLE}（HTTP ${response.status}）` };
    try {
      body = JSON.parse(text) as ProblemBody;
    } catch {
      // not a problem document: keep the status line
    }
    throw new ApiProblem(response.status, body);
  }
  const blob = onProgress && response.body ? await readWithProgress(response, onProgress) : await response.blob();
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}
async function readWithProgress(response: Response, onProgress: (progress: DownloadProgress) => void): Promise<Blob> {
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const reader = response.body!.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total, headers: response.headers });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total, headers: response.headers });
  }
  return new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' });
}

export const apiPost = <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body });
export const apiPut = <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body });

/** `?a=1&b=x` from the defined values only. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A case id in a path: it contains colons. */
export const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
export const publicCasePath = (caseId: string) => `/public/cases/${encodeURIComponent(caseId)}`;
