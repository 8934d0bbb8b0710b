import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Campaign } from './api';

/** What the platform writes itself and ignores on input: the version and who changed the campaign. */
const READ_ONLY = new Set(['version', 'created', 'changes']);

/** The editable text of a campaign: the whole document but its read-only fields. */
export function editableText(campaign: Campaign): string {
  const editable = Object.fromEntries(Object.entries(campaign).filter(([key]) => !READ_ONLY.has(key)));
  return JSON.stringify(editable, null, 2);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The JSON merge patch (RFC 7396) that turns the original document into the edited one. */
export function mergePatch(original: Record<string, unknown>, edited: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(edited)) {
    if (!equal(original[key], value)) {
      patch[key] = value;
    }
  }
  for (const key of Object.keys(original)) {
    if (!READ_ONLY.has(key) && !(key in edited)) {
      patch[key] = null;
    }
  }
  return patch;
}

/** A server validation error placed in the editor's text. */
export interface Placed {
  from: number;
  to: number;
  line: number;
  field: string;
  message: string;
}

function segments(field: string): (string | number)[] {
  const pointer = field.startsWith('/') ? field.substring(1) : field;
  if (pointer === '') {
    return [];
  }
  return pointer.split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Where a JSON pointer points in the text: the deepest node of the path that exists (an unknown
 * or missing member is shown at its parent), or the start of the document.
 */
export function place(text: string, field: string, message: string): Placed {
  const root = parseTree(text);
  let node: Node | undefined = root;
  const path = segments(field);
  for (let depth = path.length; depth > 0 && root !== undefined; depth--) {
    const found = findNodeAtLocation(root, path.slice(0, depth));
    if (found !== undefined) {
      // a member's value is its node; underline the "key": value pair when there is one
      node = found.parent?.type === 'property' ? found.parent : found;
      break;
    }
  }
  const from = node?.offset ?? 0;
  const to = node === undefined ? Math.min(text.length, 1) : from + node.length;
  const line = text.substring(0, from).split('\n').length;
  return { from, to, line, field, message };
}

/** A template for a new campaign. */
export const NEW_CAMPAIGN = JSON.stringify({
  client: 'UnicornStore',
  campaign_name: 'new-campaign',
  status: 'inactive',
  priority: 0,
  description: 'a twentieth of every purchase over 1000',
  rules: [{ variable: '$.amount', condition: { rule: 'numeric_greater_than', value: 1000 }, action: { command: 'issue', formula: '$.amount/20' } }],
}, null, 2);
