/**
 * A Firewall Control rule (`firewall-control`) and the checks on a POST/PUT `data` (docs/blocking-api.md).
 * Only the fields the extension sends are modelled; ports, applications, locations and tags are
 * accepted and ignored. Rules have no expiry of their own (UNCONFIRMED): the extension keeps one.
 */
export const FIREWALL_ACTIONS = ['Allow', 'Block'] as const;
export const FIREWALL_STATUSES = ['Enabled', 'Disabled'] as const;
export const FIREWALL_DIRECTIONS = ['any', 'inbound', 'outbound'] as const;
export const FIREWALL_OS_TYPES = ['windows', 'macos', 'linux'] as const;
export const REMOTE_HOST_TYPES = ['addresses', 'cidr', 'range', 'fqdn'] as const;

export interface RemoteHost {
  type: string;
  values: string[];
}

export interface FirewallRule {
  id: string;
  name: string;
  description: string;
  action: string;
  status: string;
  direction: string;
  osTypes: string[];
  remoteHosts: RemoteHost[];
  protocol: string | null;
  scope: 'global' | 'account' | 'site' | 'group';
  scopeId: string | null;
  creator: string;
  creatorId: string;
  createdAt: string;
  updatedAt: string;
  editable: boolean;
  order: number;
}

/** The fields a POST sets and a PUT may change. */
export type RuleFields = Pick<
  FirewallRule,
  'name' | 'description' | 'action' | 'status' | 'direction' | 'osTypes' | 'remoteHosts' | 'protocol'
>;

const oneOf = (field: string, v: unknown, allowed: readonly string[]): string | null =>
  typeof v === 'string' && allowed.includes(v) ? null : `${field}: Must be one of: ${allowed.join(', ')}.`;

function checkField(name: string, v: unknown): string | null {
  switch (name) {
    case 'name':
      return typeof v === 'string' && v.trim() !== '' ? null : 'name: Missing data for required field.';
    case 'description':
      return v === null || typeof v === 'string' ? null : 'description: Not a valid string.';
    case 'action':
      return oneOf('action', v, FIREWALL_ACTIONS);
    case 'status':
      return oneOf('status', v, FIREWALL_STATUSES);
    case 'direction':
      return oneOf('direction', v, FIREWALL_DIRECTIONS);
    case 'protocol':
      return v === null || typeof v === 'string' ? null : 'protocol: Not a valid string.';
    case 'osTypes': {
      if (!Array.isArray(v) || v.length === 0) return 'osTypes: Shorter than minimum length 1.';
      const bad = v.findIndex((o) => oneOf('', o, FIREWALL_OS_TYPES) !== null);
      return bad < 0 ? null : `osTypes: ${bad}: Must be one of: ${FIREWALL_OS_TYPES.join(', ')}.`;
    }
    case 'remoteHosts': {
      if (!Array.isArray(v) || v.length === 0) return 'remoteHosts: Shorter than minimum length 1.';
      for (const [i, h] of v.entries()) {
        const host = (typeof h === 'object' && h !== null ? h : {}) as Record<string, unknown>;
        if (oneOf('', host.type, REMOTE_HOST_TYPES) !== null) {
          return `remoteHosts: ${i}: type: Must be one of: ${REMOTE_HOST_TYPES.join(', ')}.`;
        }
        const values = host.values;
        if (
          !Array.isArray(values) ||
          values.length === 0 ||
          values.some((x) => typeof x !== 'string' || x === '')
        ) {
          return `remoteHosts: ${i}: values: Must be a non-empty list of strings.`;
        }
      }
      return null;
    }
    default:
      return null;
  }
}

const REQUIRED = ['name', 'action', 'status', 'direction', 'osTypes', 'remoteHosts'] as const;
const EDITABLE = [...REQUIRED, 'description', 'protocol'] as const;

/**
 * POST (`partial` false: the required fields must be present; direction defaults to `any` when absent,
 * UNCONFIRMED) or PUT (`partial` true: only the fields sent are checked and changed).
 */
export function readRuleFields(
  data: Record<string, unknown>,
  partial: boolean,
): { ok: true; fields: Partial<RuleFields> } | { ok: false; detail: string } {
  const input = { ...data };
  if (!partial && input.direction === undefined) input.direction = 'any';
  for (const name of EDITABLE) {
    if (input[name] === undefined) {
      if (!partial && (REQUIRED as readonly string[]).includes(name)) {
        return { ok: false, detail: `${name}: Missing data for required field.` };
      }
      continue;
    }
    const problem = checkField(name, input[name]);
    if (problem) return { ok: false, detail: problem };
  }
  const fields: Record<string, unknown> = {};
  for (const name of EDITABLE) if (input[name] !== undefined) fields[name] = structuredClone(input[name]);
  if (Array.isArray(fields.remoteHosts)) {
    fields.remoteHosts = (fields.remoteHosts as RemoteHost[]).map((h) => ({
      type: h.type,
      values: h.values,
    }));
  }
  return { ok: true, fields: fields as Partial<RuleFields> };
}
