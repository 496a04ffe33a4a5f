/**
 * The warnings a valid IOC can carry, and their text. Apart from validate.ts so that the popup can
 * show them without loading the validators (the public-suffix list, the IP range tables).
 */

export type IocWarning =
  | 'private-ip'
  | 'reserved-ip'
  | 'common-domain'
  | 'empty-file-hash'
  | 'filename-like-domain'
  | 'cidr-range'
  | 'reserved-domain'
  | 'url-credentials'
  | 'detection-name'
  | 'reference-link'
  | 'written-plain'
  | 'listed-legitimate'
  | 'certificate-hash'
  | 'host-port'
  | 'public-resolver'
  | 'session-value'
  | 'api-group'
  | 'never-block';

/** Short text for each warning, as the review table shows it. */
export const WARNING_TEXT: Readonly<Record<IocWarning, string>> = {
  'private-ip': 'private, loopback or link-local IP address (RFC 1918, RFC 4193)',
  'reserved-ip': 'reserved, multicast, documentation or shared IP address',
  'common-domain': 'a very common domain: blocking it would disrupt normal work',
  'empty-file-hash': 'the hash of an empty file',
  'filename-like-domain': 'looks like a file name (the top-level domain is also a file extension)',
  'cidr-range': 'written as a CIDR range: sent as the single address it covers',
  'reserved-domain': 'a name reserved for documentation and tests (RFC 2606)',
  'url-credentials': 'carries a user name or password (user:pass@): it is stored in the console as typed',
  // The rest are read from the text around the value (context.ts), not from the value itself.
  'detection-name': 'detection name, not a domain? (written as Family/Name.XX)',
  'reference-link': 'reference link? (a link, a reference site or a certificate service)',
  'written-plain': 'written plain where the other values are defanged: a reference or a legitimate service?',
  'listed-legitimate': 'listed as legitimate (clean, benign) in the report',
  'certificate-hash': 'certificate thumbprint, not a file hash?',
  'public-resolver':
    'a well-known public DNS resolver: in a report, a setting or a request sample; blocking it disrupts name resolution',
  'session-value': 'the value of a session, cookie or token parameter (name=value), not a file hash?',
  'api-group': 'an API group and version (group/v1) as Kubernetes manifests write them, not a host?',
  'never-block':
    "on the never-block list (the organisation's own values): the extension refuses to send it, even ticked",
  'host-port':
    'written as address:port: the address is the network IOC; as a URL it matches web requests only',
};
