/**
 * Word lists for generated IOCs. Values use reserved or obviously fake names (RFC 2606 example.*,
 * RFC 5737 / 10.0.0.0/8 addresses, RFC 3849 2001:db8::/32). Names and descriptions deliberately mix
 * Cyrillic, CJK, emoji, RTL Arabic and HTML-looking text, which the extension must render as text.
 */
export const SOURCES = ['S1 IOC Manager', 'MISP', 'AlienVault OTX', 'Recorded Future', 'Manual'] as const;

export const CREATORS = [
  'soc.analyst@acme.example',
  'threat.intel@acme.example',
  'j.doe@acme.example',
  'misp-sync@acme.example',
  'анна.иванова@acme.example',
  null,
] as const;

export const FAMILIES = [
  'Emotet',
  'QakBot',
  'Cobalt Strike',
  'AgentTesla',
  'LockBit',
  'IcedID',
  'RedLine Stealer',
  'AsyncRAT',
  'Lumma',
  'SocGholish',
];

export const NAME_TEMPLATES: ReadonlyArray<(family: string) => string> = [
  (f) => `${f} C2 server`,
  () => 'Phishing kit landing page',
  (f) => `${f} payload`,
  (f) => `${f} loader download`,
  () => 'Credential harvesting domain',
  () => 'Ransomware note dropper',
  () => 'Фишинговый домен (банк)',
  () => '钓鱼网站 – 假冒登录页',
  (f) => `🚨 ${f} beacon`,
  () => 'خادم تحكم وسيطرة',
  () => '<b>Bold</b> exfil endpoint',
  () => '<script>alert(1)</script>',
  (f) => `Tom &amp; Jerry ${f} loader`,
];

export const DESCRIPTION_TEMPLATES: ReadonlyArray<(family: string, source: string) => string> = [
  (f, s) => `Observed in ${f} campaign; reported by ${s}.`,
  (_f, s) => `Imported from ${s} feed, confidence high`,
  () => 'Seen in phishing emails targeting finance staff',
  () => 'Связан с рассылкой вредоносных вложений',
  () => '与勒索软件活动相关的基础设施',
  () => 'مرتبط بحملة تصيد احتيالي 🎣',
  () => 'Payload contains <iframe src="x"> & obfuscated JS',
  (f) => `Blocked by EDR; family: ${f}`,
];

export const WORDS = [
  'update-check',
  'cdn-sync',
  'login-secure',
  'account-verify',
  'static-assets',
  'telemetry',
  'mail-gateway',
  'invoice-portal',
  'docs-share',
  'api-edge',
];

export const DOMAINS = [
  'example-cdn.ru',
  'example.com',
  'example.net',
  'example.org',
  'example-phish.com',
  'evil.example',
  'badcorp.test',
];

export const CATEGORIES = ['Malware', 'Phishing', 'C2', 'Ransomware', 'Spam'];
export const ACTORS = ['APT28', 'FIN7', 'Lazarus Group', 'TA505', 'Wizard Spider'];
