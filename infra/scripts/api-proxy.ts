/**
 * The one address of `npm run cluster`'s API replicas: a small reverse proxy on Node's own http module.
 * Requests go round-robin; a replica that refuses the connection (dead, or restarting) is skipped and
 * the request goes to the next one, which is safe for every method because the refused replica never
 * saw it; so is a read whose kept-alive connection the replica had closed. Any other request to a
 * replica that dies while it handles it is not sent again (it may have acted on a POST): the client
 * gets 502, as from nginx in the compose cluster.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A refused replica is tried last for this long, so that requests do not each knock on it first. */
const REFUSED_BACKOFF_MS = 2_000;
/** As nginx in the compose cluster (client_max_body_size): spreadsheet and CSV imports. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Requests that do not change anything, so that sending one again is harmless. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Connection-scoped headers that a proxy must not pass on (RFC 9110, section 7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-authorization', 'proxy-authenticate']);

export interface ApiProxy {
  url: string;
  close: () => Promise<void>;
}

export interface ApiProxyOptions {
  host: string;
  port: number;
  upstreamPorts: number[];
  upstreamHost?: string;
  log?: (line: string) => void;
}

function forwardedHeaders(request: http.IncomingMessage, bodyLength: number): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
  const client = request.socket.remoteAddress ?? '';
  const prior = request.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = prior ? `${String(prior)}, ${client}` : client;
  headers['x-forwarded-proto'] = 'http';
  // The body is forwarded whole, so its length is known even when the client streamed it in chunks.
  if (bodyLength > 0 || request.headers['content-length'] !== undefined) headers['content-length'] = String(bodyLength);
  return headers;
}

async function readBody(request: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function startApiProxy(options: ApiProxyOptions): Promise<ApiProxy> {
  const upstreamHost = options.upstreamHost ?? '127.0.0.1';
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const refusedUntil = new Map<number, number>();
  let next = 0;

  /** The replicas in this request's order: round-robin, those that refused lately at the end. */
  const replicaOrder = (): number[] => {
    const ports = options.upstreamPorts;
    const start = next++ % ports.length;
    const rotated = [...ports.slice(start), ...ports.slice(0, start)];
    const now = Date.now();
    return [...rotated.filter((port) => (refusedUntil.get(port) ?? 0) <= now), ...rotated.filter((port) => (refusedUntil.get(port) ?? 0) > now)];
  };

  const forward = (request: http.IncomingMessage, response: http.ServerResponse, body: Buffer, ports: number[]): void => {
    const [port, ...rest] = ports;
    const upstream = http.request(
      { host: upstreamHost, port, method: request.method, path: request.url, headers: forwardedHeaders(request, body.length), agent },
      (upstreamResponse) => {
        refusedUntil.delete(port);
        const headers = Object.fromEntries(Object.entries(upstreamResponse.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.statusMessage, headers);
        upstreamResponse.pipe(response);
        upstreamResponse.on('error', () => response.destroy());
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive connection that the replica closed (it died or restarted) before this request: a
      // read can go to the next replica; anything else may have reached it, so it is not sent twice.
      const staleConnection = upstream.reusedSocket && error.code === 'ECONNRESET' && SAFE_METHODS.has(request.method ?? '');
      if ((error.code === 'ECONNREFUSED' || staleConnection) && rest.length > 0 && !response.headersSent) {
        if (error.code === 'ECONNREFUSED') refusedUntil.set(port, Date.now() + REFUSED_BACKOFF_MS);
        forward(request, response, body, rest);
        return;
      }
      // Every replica refusing is the normal state while they start or restart: the 502 says it, no log line.
      if (error.code === 'ECONNREFUSED') refusedUntil.set(port, Date.now() + REFUSED_BACKOFF_MS);
      else options.log?.(`${request.method} ${request.url} → ${upstreamHost}:${port}: ${error.code ?? error.message}`);
      if (!response.headersSent) {
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ statusCode: 502, message: 'no API replica answered (they may be restarting); try again' }));
      } else {
        response.destroy();
      }
    });
    // A client that hangs up ends the replica's request too.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  };

  const server = http.createServer((request, response) => {
    readBody(request).then(
      (body) => {
        if (body === 'too-large') {
          response.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
          response.end(JSON.stringify({ statusCode: 413, message: `request body over ${MAX_BODY_BYTES} bytes` }));
          return;
        }
        forward(request, response, body, replicaOrder());
      },
      () => response.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
