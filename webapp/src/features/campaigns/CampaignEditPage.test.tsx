import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, fakeApi, problem, renderApp } from '../../test/server';

const campaign = (version: number, formula = '$.amount/10') => ({
  client: 'UnicornStore', campaign_name: '1', status: 'active', priority: 0,
  rules: [{ variable: '$.amount', condition: { rule: 'numeric_greater_than', value: 100 }, action: { command: 'issue', formula } }],
  version,
});

async function typeInEditor(text: string) {
  const editor = await screen.findByRole('textbox', { name: 'Campaign 1 as JSON' }, { timeout: 5000 });
  // CodeMirror in jsdom: replace the document through its view, as typing would
  const { EditorView } = await import('@codemirror/view');
  const view = EditorView.findFromDOM(editor.closest('.cm-editor') as HTMLElement)!;
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
  // typing is done when the page has taken the text: it says so, and Save is no longer disabled
  expect(await screen.findByText(/unsaved changes/)).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
}

describe('the campaign editor', () => {
  it('marks the server validation error at the offending line', async () => {
    fakeApi({
      'GET /me': { body: admin }, 'GET /campaigns/1': { body: campaign(3), headers: { ETag: '"3"' } },
      'PATCH /campaigns/1': problem(400, 'invalid-request', '/rules/0/variable: deep scans are not allowed',
        { errors: [{ field: '/rules/0/variable', message: 'deep scans are not allowed' }] }),
    });
    renderApp('/campaign-centre/UnicornStore/1');
    await typeInEditor(JSON.stringify({ ...campaign(3), version: undefined, rules: [{ ...campaign(3).rules[0], variable: '$..amount' }] }, null, 2));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('editor-problems')).toHaveTextContent('Line 8 (/rules/0/variable): deep scans are not allowed');
  });

  it('sends the change with If-Match and, when someone saved meanwhile, keeps the edits and offers the newer version', async () => {
    let reads = 0;
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /campaigns/1': () => (++reads === 1 ? { body: campaign(3), headers: { ETag: '"3"' } } : { body: campaign(4, '$.amount/4'), headers: { ETag: '"4"' } }),
      'PATCH /campaigns/1': problem(412, 'precondition-failed', 'The campaign changed: version 4', { current_version: 4 }),
    });
    renderApp('/campaign-centre/UnicornStore/1');
    const mine = JSON.stringify({ ...campaign(3, '$.amount/5'), version: undefined }, null, 2);
    await typeInEditor(mine);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const conflict = await screen.findByTestId('conflict');
    await waitFor(() => expect(conflict).toHaveTextContent('now version 4'));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(patch.body).toEqual({ rules: [{ ...campaign(3).rules[0], action: { command: 'issue', formula: '$.amount/5' } }] });
    expect(screen.getByLabelText('The newer version')).toHaveTextContent('$.amount/4');
    await userEvent.click(screen.getByRole('button', { name: 'Load the newer version' }));
    expect(await screen.findByText(/version 4/)).toBeInTheDocument();
  });
});
