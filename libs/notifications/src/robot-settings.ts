/**
 * What a county may enter as a group robot, checked before it is stored: the worker POSTs the county's
 * notifications to this address, so it must be the robot's kind of address (https, with the robot's
 * token), never a plain-http host elsewhere. Plain http only to this machine (a local receiver in tests).
 */
import type { RobotProvider } from '@zhengdun/persistence';

export interface SettingProblem {
  zh: string;
  en: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** The query parameter that carries each robot's token in its webhook address. */
export const ROBOT_TOKEN_PARAM: Record<RobotProvider, string> = { dingtalk: 'access_token', wecom: 'key' };
const TOKEN = /^[A-Za-z0-9_-]{8,200}$/;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function transportProblem(url: URL): SettingProblem | undefined {
  if (url.username || url.password) return { zh: '地址中不能含用户名或密码', en: 'must not carry credentials' };
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return { zh: '须为 https 地址', en: 'must be an https URL' };
}

/** Why this address is not a usable site address (the links in the messages), or undefined. */
export function siteUrlProblem(value: string): SettingProblem | undefined {
  const url = parse(value);
  if (!url) return { zh: '不是有效的网址', en: 'not a URL' };
  if (url.search || url.hash) return { zh: '不能带查询参数或锚点', en: 'must not have a query or fragment' };
  return transportProblem(url);
}

/** Why this address is not a webhook of this robot, or undefined. */
export function robotWebhookProblem(provider: RobotProvider, value: string): SettingProblem | undefined {
  const url = parse(value);
  if (!url) return { zh: '不是有效的网址', en: 'not a URL' };
  const transport = transportProblem(url);
  if (transport) return transport;
  const param = ROBOT_TOKEN_PARAM[provider];
  const token = url.searchParams.get(param);
  if (!token || !TOKEN.test(token)) return { zh: `缺少机器人令牌（${param}），请从群机器人设置中复制完整的 Webhook 地址`, en: `the ${param} parameter is missing or malformed` };
  if (provider === 'dingtalk' && (url.searchParams.has('timestamp') || url.searchParams.has('sign'))) {
    return { zh: '请填写不带 timestamp、sign 的原始地址，加签密钥另填', en: 'give the address without timestamp/sign; the secret goes apart' };
  }
  return undefined;
}

/** The webhook as the API may show it: the token reduced to its last four characters. */
export function maskWebhookUrl(provider: RobotProvider, value: string): string {
  const url = parse(value);
  if (!url) return '****';
  const param = ROBOT_TOKEN_PARAM[provider];
  const token = url.searchParams.get(param) ?? '';
  const masked = `${url.origin}${url.pathname}?${param}=****${token.slice(-4)}`;
  return masked;
}
