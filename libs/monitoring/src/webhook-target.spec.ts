import { addressProblem, checkWebhookTarget, type Resolve } from './webhook-target';

/**
 * Webhook targets (issue 12, F7): every URL below is judged with a resolver injected here, so the
 * table never sends a DNS query or a packet anywhere. Names map to the addresses a hostile or a
 * legitimate DNS would give.
 */
const DNS: Record<string, string[]> = {
  'hooks.example.com': ['93.184.215.14'],
  'api.feishu.cn': ['101.37.104.201', '2408:4001:f00::1'],
  'oapi.dingtalk.com': ['203.119.169.47'],
  'rebind.attacker.test': ['127.0.0.1'],
  'internal.attacker.test': ['10.1.2.3'],
  'mixed.attacker.test': ['93.184.215.14', '192.168.1.20'],
  'metadata-alias.attacker.test': ['169.254.169.254'],
  'v6-loop.attacker.test': ['::1'],
  'v6-ula.attacker.test': ['fd12:3456::1'],
  'cgnat.attacker.test': ['100.100.100.200'],
};
const resolve: Resolve = async (host) => {
  const found = DNS[host];
  if (!found) throw Object.assign(new Error(`no such host ${host}`), { code: 'ENOTFOUND' });
  return found;
};

const refused: [string, RegExp][] = [
  ['http://127.0.0.1:9000/hook', /loopback/],
  ['http://127.255.255.254/', /loopback/],
  ['http://localhost:3000/', /reserved name/],
  ['http://LOCALHOST./x', /reserved name/],
  ['http://app.localhost/', /reserved name/],
  ['http://[::1]/hook', /loopback/],
  ['http://[::ffff:127.0.0.1]/', /loopback/],
  ['http://[::ffff:7f00:1]/', /loopback/],
  ['http://[::]/', /unspecified/],
  ['http://0.0.0.0/', /this network/],
  ['http://0/', /this network/],
  ['http://2130706433/', /loopback/],
  ['http://0x7f000001/', /loopback/],
  ['http://0x7f.1/', /loopback/],
  ['http://017700000001/', /loopback/],
  ['http://127.1/', /loopback/],
  ['http://169.254.169.254/latest/meta-data/', /link-local/],
  ['http://[fe80::1]/', /link-local/],
  ['http://[fd00:ec2::254]/', /unique-local|metadata/],
  ['http://metadata.google.internal/computeMetadata/v1/', /reserved name/],
  ['http://metadata/', /reserved name/],
  ['http://100.100.100.200/latest/meta-data/', /carrier-grade NAT/],
  ['http://100.64.0.1/', /carrier-grade NAT/],
  ['http://10.0.0.5/', /private/],
  ['http://10.255.255.255/', /private/],
  ['http://172.16.0.1/', /private/],
  ['http://172.31.255.1/', /private/],
  ['http://192.168.1.1/', /private/],
  ['http://[fc00::1]/', /unique-local/],
  ['http://[fd12:3456::1]/', /unique-local/],
  ['http://[64:ff9b::7f00:1]/', /loopback/],
  ['http://[2002:7f00:1::]/', /loopback/],
  ['http://224.0.0.1/', /multicast/],
  ['http://255.255.255.255/', /reserved/],
  ['http://198.18.0.1/', /benchmarking/],
  ['http://user:pass@hooks.example.com/', /credentials/],
  ['http://user@hooks.example.com/', /credentials/],
  ['http://hooks.example.com@127.0.0.1/', /credentials/],
  ['ftp://hooks.example.com/', /scheme/],
  ['file:///etc/passwd', /scheme/],
  ['gopher://127.0.0.1:6379/_INFO', /scheme/],
  ['javascript:alert(1)', /scheme/],
  ['not a url', /not a URL/],
  ['http://intranet/', /single-label/],
  ['http://printer.local/', /reserved name/],
  ['http://rebind.attacker.test/', /resolves to loopback/],
  ['http://internal.attacker.test/', /resolves to private/],
  ['http://mixed.attacker.test/', /resolves to private/],
  ['http://metadata-alias.attacker.test/', /resolves to link-local/],
  ['http://v6-loop.attacker.test/', /resolves to loopback/],
  ['http://v6-ula.attacker.test/', /resolves to unique-local/],
  ['http://cgnat.attacker.test/', /resolves to carrier-grade NAT/],
  ['http://nowhere.attacker.test/', /does not resolve/],
];

const accepted = [
  'https://hooks.example.com/alerts',
  'http://hooks.example.com:8080/a?b=c',
  'https://api.feishu.cn/open-apis/bot/v2/hook/abc',
  'https://oapi.dingtalk.com/robot/send?access_token=x',
  'https://93.184.215.14/hook',
  'http://8.8.8.8/',
  'http://172.32.0.1/',
  'http://100.128.0.1/',
  'http://[2606:4700:4700::1111]/hook',
  'https://HOOKS.EXAMPLE.COM./x',
];

describe('webhook target check', () => {
  it('has a table of at least 30 URLs', () => {
    expect(refused.length + accepted.length).toBeGreaterThanOrEqual(30);
  });

  it.each(refused)('refuses %s', async (url, reason) => {
    const check = await checkWebhookTarget(url, resolve);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(reason);
  });

  it.each(accepted)('accepts %s', async (url) => {
    expect(await checkWebhookTarget(url, resolve)).toMatchObject({ ok: true });
  });

  it('lets WEBHOOK_ALLOW_PRIVATE send to loopback, but never with credentials or another scheme', async () => {
    expect((await checkWebhookTarget('http://127.0.0.1:9000/hook', resolve, true)).ok).toBe(true);
    expect((await checkWebhookTarget('http://localhost:9000/hook', resolve, true)).ok).toBe(true);
    expect((await checkWebhookTarget('http://u:p@127.0.0.1/', resolve, true)).ok).toBe(false);
    expect((await checkWebhookTarget('file:///etc/passwd', resolve, true)).ok).toBe(false);
  });

  it('judges addresses on their own (the check repeated at connect time)', () => {
    expect(addressProblem('127.0.0.1')).toMatch(/loopback/);
    expect(addressProblem('::ffff:10.0.0.1')).toMatch(/private/);
    expect(addressProblem('93.184.215.14')).toBeNull();
    expect(addressProblem('2606:4700:4700::1111')).toBeNull();
  });
});
