import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import { Loading } from '../../components/States';
import type { Placed } from './documents';

const JsonEditor = lazy(() => import('./JsonEditor'));

/** The lazily loaded JSON editor with the server's refusals listed by line below it. */
export function RuleEditor({ value, onChange, problems, label }: {
  value: string;
  onChange: (text: string) => void;
  problems: Placed[];
  label: string;
}) {
  return (
    <Box>
      <Suspense fallback={<Loading label="Loading the editor…" />}>
        <JsonEditor value={value} onChange={onChange} problems={problems} label={label} />
      </Suspense>
      {problems.length > 0 && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          <Typography variant="subtitle2" component="p">The store refused this campaign:</Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="editor-problems">
            {problems.map((p) => <li key={`${p.field}:${p.message}`}>Line {p.line} (<code>{p.field}</code>): {p.message}</li>)}
          </ul>
        </Alert>
      )}
    </Box>
  );
}

/** The text as a JSON object, or why it is not one. */
export function parseDocument(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, message: 'A campaign is a JSON object ({ ... }).' };
    }
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
}
