import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { explain } from '../lib/problems';

/** A failed request told in words, with the fields the server refused and an optional retry. */
export function ProblemAlert({ error, onRetry, severity = 'error' }: {
  error: unknown;
  onRetry?: () => void;
  severity?: 'error' | 'warning';
}) {
  const words = explain(error);
  return (
    <Alert
      severity={severity}
      role="alert"
      action={onRetry !== undefined && words.retryable ? <Button color="inherit" size="small" onClick={onRetry}>Try again</Button> : undefined}
    >
      <AlertTitle>{words.headline}</AlertTitle>
      {words.detail}
      {words.fields.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {words.fields.map((f) => <li key={`${f.field}:${f.message}`}><code>{f.field}</code>: {f.message}</li>)}
        </ul>
      )}
    </Alert>
  );
}
