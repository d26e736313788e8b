import { isIP } from 'node:net';

/**
 * Where a webhook may be sent: http(s) to a public address. Refused: credentials in the URL,
 * loopback, private, link-local, CGNAT, documentation and reserved ranges, cloud metadata
 * names and addresses, unique-local and site-local IPv6, and IPv6 forms that embed such an IPv4.
 * Numeric forms (`2130706433`, `0x7f000001`, `127.1`) are normalised by the URL parser first, so
 * they are judged as the address they mean.
 */
export type WebhookTargetCheck = { ok: true; host: string } | { ok: false; reason: string };

/** Resolves a host name to its addresses (all of them). */
export type Resolve = (host: string) => Promise<string[]>;

const BLOCKED_V4: [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local / cloud metadata'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const BLOCKED_NAMES = [
  /^localhost$/,
  /\.localhost$/,
  /^metadata$/,
  /^metadata\.google\.internal$/,
  /^metadata\.goog$/,
  /^instance-data(\..*)?$/,
  /\.internal$/,
  /\.local$/,
  /\.home\.arpa$/,
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** Why an IPv4 address is not public, or null. */
function v4Problem(ip: string): string | null {
  const n = v4ToInt(ip);
  for (const [base, bits, reason] of BLOCKED_V4) {
    const size = 2 ** (32 - bits);
    const start = v4ToInt(base);
    if (n >= start && n < start + size) return `${reason} ${ip}`;
  }
  return null;
}

/** The 8 groups of an IPv6 address as numbers (an embedded dotted IPv4 tail included). */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4ToInt(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const t = parse(tail);
  return tail === undefined ? h : [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
}

function v6Problem(ip: string): string | null {
  const g = v6Groups(ip);
  const embedded = () => `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`;
  if (g.every((x) => x === 0)) return `unspecified ${ip}`;
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return `loopback ${ip}`;
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d): judge the IPv4 inside.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return v4Problem(embedded()) ?? null;
  if (g[0] === 0x64 && g[1] === 0xff9b) return v4Problem(embedded()) ?? null;
  if (g[0] === 0x2002) return v4Problem(`${g[1] >> 8}.${g[1] & 255}.${g[2] >> 8}.${g[2] & 255}`);
  if ((g[0] & 0xfe00) === 0xfc00) return `unique-local ${ip}`;
  if ((g[0] & 0xffc0) === 0xfe80) return `link-local ${ip}`;
  if ((g[0] & 0xffc0) === 0xfec0) return `site-local ${ip}`;
  if ((g[0] & 0xff00) === 0xff00) return `multicast ${ip}`;
  if (g[0] === 0x2001 && g[1] === 0xdb8) return `documentation ${ip}`;
  if (g[0] === 0xfd00 && g[1] === 0xec2) return `cloud metadata ${ip}`;
  return null;
}

/** Why an address (IPv4 or IPv6 text) may not receive webhooks, or null when it is public. */
export function addressProblem(ip: string): string | null {
  const family = isIP(ip);
  if (family === 4) return v4Problem(ip);
  if (family === 6) return v6Problem(ip);
  return `not an address: ${ip}`;
}

/** The checks that need no DNS: scheme, credentials, literal addresses, reserved names. */
export function webhookUrlProblem(url: string, allowPrivate = false): WebhookTargetCheck {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: `scheme ${u.protocol} (http or https only)` };
  if (u.username || u.password) return { ok: false, reason: 'credentials in the URL' };
  const host = u.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (!host) return { ok: false, reason: 'no host' };
  if (allowPrivate) return { ok: true, host };
  if (isIP(host)) {
    const problem = addressProblem(host);
    return problem ? { ok: false, reason: problem } : { ok: true, host };
  }
  if (BLOCKED_NAMES.some((re) => re.test(host))) return { ok: false, reason: `reserved name ${host}` };
  if (!host.includes('.')) return { ok: false, reason: `single-label name ${host}` };
  return { ok: true, host };
}

/**
 * The full check: the URL's form, then every address its name resolves to. Run when the URL is
 * set and again before each delivery (a name may resolve elsewhere later: DNS rebinding).
 */
export async function checkWebhookTarget(url: string, resolve: Resolve, allowPrivate = false): Promise<WebhookTargetCheck> {
  const form = webhookUrlProblem(url, allowPrivate);
  if (!form.ok || allowPrivate || isIP(form.host)) return form;
  let addresses: string[];
  try {
    addresses = await resolve(form.host);
  } catch (e) {
    return { ok: false, reason: `${form.host} does not resolve (${(e as { code?: string }).code ?? 'error'})` };
  }
  if (!addresses.length) return { ok: false, reason: `${form.host} does not resolve` };
  for (const a of addresses) {
    const problem = addressProblem(a);
    if (problem) return { ok: false, reason: `${form.host} resolves to ${problem}` };
  }
  return form;
}
