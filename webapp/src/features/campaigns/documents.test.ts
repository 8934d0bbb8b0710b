import { describe, expect, it } from 'vitest';
import { editableText, mergePatch, place } from './documents';

const text = `{
  "client": "UnicornStore",
  "campaign_name": "1",
  "rules": [
    {
      "variable": "$..amount",
      "condition": { "rule": "numeric_greater_than", "value": 100 },
      "action": { "command": "issue", "formula": "$.amount/10" }
    }
  ]
}`;

describe('a server validation error in the editor', () => {
  it('is placed at the line of the member its JSON pointer names', () => {
    const placed = place(text, '/rules/0/variable', 'deep scans are not allowed');
    expect(placed.line).toBe(6);
    expect(text.substring(placed.from, placed.to)).toBe('"variable": "$..amount"');
  });
  it('is placed at the nearest existing parent when the member is missing', () => {
    expect(place(text, '/rules/0/condition/nope', 'required').line).toBe(7);
  });
  it('is placed at the start when the pointer names the whole document', () => {
    expect(place(text, '', 'bad').line).toBe(1);
  });
});

describe('the merge patch of an edit', () => {
  it('carries only what changed, and null for what was removed', () => {
    const original = { client: 'c', campaign_name: 'n', status: 'active', description: 'old', rules: [1], version: 3 };
    const edited = { client: 'c', campaign_name: 'n', status: 'active', rules: [2] };
    expect(mergePatch(original, edited)).toEqual({ rules: [2], description: null });
  });
  it('leaves out who changed the campaign: the platform records it and ignores it on input', () => {
    const change = { version: 3, principal: 'admin', at: '2026-12-01T10:00:00Z' };
    const stored = { client: 'c', campaign_name: 'n', status: 'active' as const, rules: [1], version: 3,
      created: { ...change, version: 1 }, changes: [change] };
    expect(JSON.parse(editableText(stored))).toEqual({ client: 'c', campaign_name: 'n', status: 'active', rules: [1] });
    expect(mergePatch(stored, { client: 'c', campaign_name: 'n', status: 'active', rules: [2] })).toEqual({ rules: [2] });
  });
});
