/**
 * What the county's work-chat group robots receive, in the formats the robots require (pure, no I/O):
 * - DingTalk (钉钉自定义机器人): `{"msgtype":"markdown","markdown":{"title","text"}}`, POSTed to the
 *   webhook with `timestamp` and `sign` query parameters when the robot has a 加签 secret, where
 *   sign = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), URL-encoded once.
 * - WeCom (企业微信群机器人): `{"msgtype":"markdown","markdown":{"content"}}`, content at most 4096
 *   bytes of UTF-8.
 * The message says what happened, for which organization, by when (Beijing time) and links to the
 * case's page: the notification's own title and text, which the county's staff may read for every
 * case of their county, and nothing else (no recipients, no contact details).
 */
import { createHmac } from 'node:crypto';
import { chinaTime, NOTIFICATION_KIND_LABELS, type NotificationKind } from '@zhengdun/domain';
import type { OutboxMessage } from './notification-channel';

export const WECOM_MAX_CONTENT_BYTES = 4096;

/** Kinds whose text names a deadline: the robot message gives it as 到期时间. */
const KINDS_WITH_DUE_DATE: readonly NotificationKind[] = ['reminder', 'explanation_requested'];

/** An instant as the workflow writes it into a notification's text (ISO 8601 with an offset). */
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})/g;

export interface RobotMarkdown {
  /** One line: what happened, for whom (DingTalk shows it in the chat list). */
  title: string;
  /** Markdown both robots render. */
  text: string;
}

export interface RobotMessageContext {
  /** The platform's address, e.g. https://zhengdun.county.gov.cn (no trailing slash needed). */
  siteUrl: string;
  /** The case's organization, when the notification is about a case. */
  org?: { orgName: string; township: string };
}

/** DingTalk's 加签: base64(HMAC-SHA256 keyed by the secret over "timestamp\nsecret"). */
export function dingTalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The webhook URL with `timestamp` and `sign` added (URL-encoded), when the robot has a secret. */
export function dingTalkSignedUrl(webhookUrl: string, secret: string | null | undefined, timestamp: number): string {
  if (!secret) return webhookUrl;
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestamp));
  url.searchParams.set('sign', dingTalkSign(secret, timestamp));
  return url.toString();
}

/** A time as the domain writes it into a notification's text since it writes Beijing time: to the minute. */
const CHINA_MINUTE = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?![:\d])/;

/** The first time a notification's text names, in Beijing time: an ISO instant (older notifications) or a Beijing time. */
function firstTimeIn(text: string): string | undefined {
  const iso = text.match(ISO_INSTANT)?.[0];
  return iso ? chinaTime(iso) : text.match(CHINA_MINUTE)?.[0];
}

/** Beijing time of every instant in a text, marked as such. */
export function withChinaTimes(text: string): string {
  return text.replace(ISO_INSTANT, (iso) => `${chinaTime(iso)}（北京时间）`);
}

/**
 * Text from a case (a measure, a reason) is the county's own, but must not become markdown: a link
 * or heading typed into a measure would otherwise render as one in the group chat. Markdown's
 * control characters become their full-width forms, which read the same in Chinese text.
 */
export function plainMarkdown(text: string): string {
  const fullWidth: Record<string, string> = { '[': '［', ']': '］', '(': '（', ')': '）', '<': '＜', '>': '＞', '*': '＊', _: '＿', '`': '｀', '#': '＃', '|': '｜', '~': '～', '\\': '＼' };
  return text.replace(/[[\]()<>*_`#|~\\]/g, (c) => fullWidth[c]);
}

/** The page the message links to: the case's, or the campaigns list for a campaign's message. */
export function robotLink(siteUrl: string, caseId: string): string {
  const base = siteUrl.replace(/\/+$/, '');
  return caseId.startsWith('campaign:') ? `${base}/campaigns` : `${base}/cases/${encodeURIComponent(caseId)}`;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, cut at a character, never inside one. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = utf8Bytes(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/**
 * The message for one notification. `maxBytes` (WeCom's limit) shortens the notification's text and
 * keeps the heading, the facts and the link whole.
 */
export function robotMarkdown(message: Pick<OutboxMessage, 'caseId' | 'kind' | 'title' | 'body' | 'eventAt'>, context: RobotMessageContext, maxBytes?: number): RobotMarkdown {
  const label = NOTIFICATION_KIND_LABELS[message.kind];
  const who = context.org ? context.org.orgName : undefined;
  const title = plainMarkdown(who ? `${label}：${who}` : label);
  const dueAt = KINDS_WITH_DUE_DATE.includes(message.kind) ? firstTimeIn(message.body) : undefined;
  const facts = [
    ...(context.org ? [`- 党组织：${plainMarkdown(`${context.org.orgName}（${context.org.township}）`)}`] : []),
    ...(dueAt ? [`- 到期时间：${dueAt}（北京时间）`] : []),
    `- 发出时间：${chinaTime(message.eventAt)}（北京时间）`,
  ];
  const head = `#### ${plainMarkdown(message.title)}\n\n`;
  const tail = `\n\n${facts.join('\n')}\n\n[${message.caseId.startsWith('campaign:') ? '查看整顿批次' : '查看整顿对象'}](${robotLink(context.siteUrl, message.caseId)})`;
  let body = withChinaTimes(plainMarkdown(message.body))
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .join('\n\n');
  if (maxBytes !== undefined) {
    const room = maxBytes - utf8Bytes(head) - utf8Bytes(tail);
    if (utf8Bytes(body) > room) body = `${truncateUtf8(body, Math.max(0, room - utf8Bytes('……')))}……`;
  }
  return { title, text: `${head}${body}${tail}` };
}

export interface DingTalkMarkdownMessage {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
}

export interface WeComMarkdownMessage {
  msgtype: 'markdown';
  markdown: { content: string };
}

export function dingTalkMessage(markdown: RobotMarkdown): DingTalkMarkdownMessage {
  return { msgtype: 'markdown', markdown: { title: markdown.title, text: markdown.text } };
}

export function weComMessage(markdown: RobotMarkdown): WeComMarkdownMessage {
  return { msgtype: 'markdown', markdown: { content: truncateUtf8(markdown.text, WECOM_MAX_CONTENT_BYTES) } };
}

/**
 * The robots' `errcode`s no retry can fix (the channel is dead-lettered at once, for the county to
 * correct its settings); any other non-zero code is retried within the bounded attempts.
 * - DingTalk: 300001 / 300005 token is not exist (wrong or deleted robot), 310000 sign not match /
 *   invalid timestamp / keywords not in content / IP not in whitelist (the robot's security settings),
 *   400013 the group was dissolved, 400101 / 400102 robot removed or stopped. Retried: 130101 send too
 *   fast (20 a minute), -1 busy, and anything unknown.
 * - WeCom: 93000 invalid webhook url (key wrong or robot removed), 40008 invalid message type,
 *   40058 invalid parameter (e.g. content too long), 44004 empty content. Retried: 45009 / 45033
 *   frequency limits, -1 busy, and anything unknown.
 */
export const PERMANENT_ROBOT_ERRCODES: Record<'dingtalk' | 'wecom', readonly number[]> = {
  dingtalk: [300001, 300005, 310000, 400013, 400101, 400102],
  wecom: [93000, 40008, 40058, 44004],
};
