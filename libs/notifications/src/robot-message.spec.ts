import { maskWebhookUrl, robotWebhookProblem, siteUrlProblem } from './robot-settings';
import { dingTalkMessage, dingTalkSign, dingTalkSignedUrl, plainMarkdown, robotLink, robotMarkdown, truncateUtf8, WECOM_MAX_CONTENT_BYTES, weComMessage, withChinaTimes } from './robot-message';

const SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const TIMESTAMP = 1764504000000;
// Computed apart (Python hmac/base64/urllib.parse.quote), as DingTalk documents the signature.
const SIGN = 'fY1Fr2AesJAUoA5Kki/mot2ve14l4ORwlX+XCt5YEiE=';
const SIGN_URL_ENCODED = 'fY1Fr2AesJAUoA5Kki%2Fmot2ve14l4ORwlX%2BXCt5YEiE%3D';

const REMINDER = {
  caseId: '示范县:c1:org001',
  kind: 'reminder' as const,
  title: '【青山村党支部】到期提醒',
  body: '提交整顿方案将于 2026-12-01T10:00:00.000Z 到期，请按时完成。',
  eventAt: '2026-11-30T01:30:00.000Z',
};
const CONTEXT = { siteUrl: 'https://zhengdun.county.gov.cn/', org: { orgName: '青山村党支部', township: '青山镇' } };

describe('DingTalk signing (加签)', () => {
  it('is base64(HMAC-SHA256(secret, "timestamp\\nsecret"))', () => {
    expect(dingTalkSign(SECRET, TIMESTAMP)).toBe(SIGN);
  });

  it('adds timestamp and the URL-encoded sign to the webhook, keeping its access_token', () => {
    const url = dingTalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123', SECRET, TIMESTAMP);
    expect(url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=${TIMESTAMP}&sign=${SIGN_URL_ENCODED}`);
    expect(new URL(url).searchParams.get('sign')).toBe(SIGN);
  });

  it('leaves the webhook as it is for a robot without a secret', () => {
    expect(dingTalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123', null, TIMESTAMP)).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc123');
  });
});

describe('the robot message', () => {
  it('says what happened, for which organization, the due date in Beijing time and links to the case', () => {
    const markdown = robotMarkdown(REMINDER, CONTEXT);
    expect(markdown.title).toBe('到期提醒：青山村党支部');
    expect(markdown.text).toBe(
      [
        '#### 【青山村党支部】到期提醒',
        '',
        '提交整顿方案将于 2026-12-01 18:00（北京时间） 到期，请按时完成。',
        '',
        '- 党组织：青山村党支部（青山镇）',
        '- 到期时间：2026-12-01 18:00（北京时间）',
        '- 发出时间：2026-11-30 09:30（北京时间）',
        '',
        '[查看整顿对象](https://zhengdun.county.gov.cn/cases/%E7%A4%BA%E8%8C%83%E5%8E%BF%3Ac1%3Aorg001)',
      ].join('\n'),
    );
  });

  it('finds the due date in a text written in Beijing time too', () => {
    const markdown = robotMarkdown({ ...REMINDER, body: '提交整顿方案将于 2026-12-01 18:00 到期，请按时完成。' }, CONTEXT);
    expect(markdown.text).toContain('提交整顿方案将于 2026-12-01 18:00 到期，请按时完成。');
    expect(markdown.text).toContain('- 到期时间：2026-12-01 18:00（北京时间）');
  });

  it('is DingTalk markdown {title, text} and WeCom markdown {content}, nothing more', () => {
    const markdown = robotMarkdown(REMINDER, CONTEXT);
    expect(dingTalkMessage(markdown)).toEqual({ msgtype: 'markdown', markdown: { title: markdown.title, text: markdown.text } });
    expect(weComMessage(markdown)).toEqual({ msgtype: 'markdown', markdown: { content: markdown.text } });
  });

  it('keeps a WeCom message within 4096 bytes, shortening the text and keeping the facts and the link', () => {
    const long = { ...REMINDER, kind: 'campaign_summary' as const, caseId: 'campaign:c1', body: '整改进展情况说明。'.repeat(1000) };
    const content = weComMessage(robotMarkdown(long, { siteUrl: 'https://zhengdun.county.gov.cn' }, WECOM_MAX_CONTENT_BYTES)).markdown.content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(content, 'utf8')).toBeGreaterThan(4000);
    expect(content).toContain('……');
    expect(content.endsWith('[查看整顿批次](https://zhengdun.county.gov.cn/campaigns)')).toBe(true);
    expect(content).not.toContain('到期时间');
  });

  it('renders what a case holds as text, never as a link or a heading', () => {
    expect(plainMarkdown('# 措施 [点我](http://evil.example) **粗**')).toBe('＃ 措施 ［点我］（http://evil.example） ＊＊粗＊＊');
    const markdown = robotMarkdown({ ...REMINDER, body: '整改措施：[点我](http://evil.example) 将于 2026-12-01T10:00:00.000Z 到期' }, CONTEXT);
    expect(markdown.text).not.toContain('](http://evil');
  });

  it('gives every instant in the text in Beijing time', () => {
    expect(withChinaTimes('自 2026-10-31T16:00:00Z 至 2026-11-01T00:00:00+08:00')).toBe('自 2026-11-01 00:00（北京时间） 至 2026-11-01 00:00（北京时间）');
  });

  it('links a campaign’s message to the campaigns, a case’s to its page', () => {
    expect(robotLink('https://a.example//', 'campaign:c1')).toBe('https://a.example/campaigns');
    expect(robotLink('https://a.example', 'x:y')).toBe('https://a.example/cases/x%3Ay');
  });

  it('cuts UTF-8 at a character, never inside one', () => {
    expect(truncateUtf8('整顿台账', 7)).toBe('整顿');
    expect(truncateUtf8('abc', 7)).toBe('abc');
  });
});

describe('robot settings a county may store', () => {
  it('takes the robots’ own https addresses with their token, and loopback http for a local receiver', () => {
    expect(robotWebhookProblem('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123456')).toBeUndefined();
    expect(robotWebhookProblem('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')).toBeUndefined();
    expect(robotWebhookProblem('wecom', 'http://127.0.0.1:8080/cgi-bin/webhook/send?key=abcdef123456')).toBeUndefined();
  });

  it('refuses plain http elsewhere, a missing token, credentials and a pre-signed DingTalk address', () => {
    expect(robotWebhookProblem('dingtalk', 'http://oapi.dingtalk.com/robot/send?access_token=abcdef123456')?.zh).toBe('须为 https 地址');
    expect(robotWebhookProblem('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send')?.en).toMatch(/key parameter/);
    expect(robotWebhookProblem('dingtalk', 'https://u:p@oapi.dingtalk.com/robot/send?access_token=abcdef123456')).toBeDefined();
    expect(robotWebhookProblem('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123456&timestamp=1&sign=x')).toBeDefined();
    expect(robotWebhookProblem('dingtalk', 'not a url')?.zh).toBe('不是有效的网址');
    expect(siteUrlProblem('https://zhengdun.county.gov.cn')).toBeUndefined();
    expect(siteUrlProblem('https://zhengdun.county.gov.cn/?x=1')).toBeDefined();
  });

  it('shows a webhook with only the last four characters of its token', () => {
    expect(maskWebhookUrl('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123456')).toBe('https://oapi.dingtalk.com/robot/send?access_token=****3456');
  });
});
