import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Loading } from '../../components/States';
import { ApiError } from '../../lib/api';
import { dateTime } from '../../lib/format';
import { fetchCampaign, useCampaign, usePatchCampaign, type Versioned } from './api';
import { editableText, mergePatch, place, type Placed } from './documents';
import { DryRun } from './DryRun';
import { parseDocument, RuleEditor } from './RuleEditor';

/**
 * Edits one campaign. Saving sends the changes as a merge patch with If-Match; when someone else
 * saved meanwhile (412) the editor keeps the text, shows the newer version and lets the operator
 * choose: take theirs, or save these edits over it knowingly.
 */
export function CampaignEditPage() {
  const { client = '', name = '' } = useParams();
  const loaded = useCampaign(client, name);
  const save = usePatchCampaign();
  const [base, setBase] = useState<Versioned | undefined>(undefined);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Placed[]>([]);
  const [conflict, setConflict] = useState<Versioned | undefined>(undefined);
  const [localError, setLocalError] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (loaded.data !== undefined && base === undefined) {
      setBase(loaded.data);
      setText(editableText(loaded.data.campaign));
    }
  }, [loaded.data, base]);

  if (loaded.isPending) {
    return <Loading label="Loading the campaign…" />;
  }
  if (loaded.isError) {
    return <ProblemAlert error={loaded.error} onRetry={() => void loaded.refetch()} />;
  }
  if (base === undefined) {
    return <Loading label="Loading the campaign…" />;
  }
  const dirty = text !== editableText(base.campaign);

  const submit = () => {
    const parsed = parseDocument(text);
    setLocalError(parsed.ok ? undefined : parsed.message);
    if (!parsed.ok) {
      return;
    }
    const patch = mergePatch(base.campaign as unknown as Record<string, unknown>, parsed.value);
    save.mutate({ client, name, etag: base.etag, patch }, {
      onSuccess: (saved) => {
        setBase(saved);
        setText(editableText(saved.campaign));
        setProblems([]);
        setConflict(undefined);
      },
      onError: (error) => {
        setProblems(error instanceof ApiError && error.status === 400
          ? (error.problem.errors ?? []).map((e) => place(text, e.field, e.message)) : []);
        if (error instanceof ApiError && error.status === 412) {
          void fetchCampaign(client, name).then(setConflict, () => setConflict(undefined));
        }
      },
    });
  };
  const takeTheirs = (newer: Versioned) => {
    setBase(newer);
    setText(editableText(newer.campaign));
    setConflict(undefined);
    save.reset();
  };
  const keepMine = (newer: Versioned) => {
    // the next save is a patch against the newer version, so only these edits apply over it
    setBase(newer);
    setConflict(undefined);
    save.reset();
  };
  const preconditionFailed = save.error instanceof ApiError && save.error.status === 412;
  const lastChange = base.campaign.changes?.[0];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box>
        <Button component={RouterLink} to="/campaign-centre" size="small">← All campaigns</Button>
        <Typography variant="h4" component="h1">Campaign {name}</Typography>
        <Typography color="text.secondary">Client {client} · version {base.campaign.version}{dirty ? ' · unsaved changes' : ''}</Typography>
        {lastChange !== undefined && (
          <Typography color="text.secondary" data-testid="last-change">
            Last changed by {lastChange.principal ?? 'someone unknown'} on {dateTime(lastChange.at)}
          </Typography>
        )}
      </Box>
      <Paper sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }} component="section" aria-label="Rules">
        <Typography variant="h6" component="h2">Document</Typography>
        <RuleEditor value={text} onChange={setText} problems={problems} label={`Campaign ${name} as JSON`} />
        {localError !== undefined && <Alert severity="error" role="alert">{localError}</Alert>}
        {preconditionFailed && (
          <Alert severity="warning" role="alert" data-testid="conflict">
            Someone saved this campaign after you opened it{conflict !== undefined ? ` (now version ${conflict.campaign.version})` : ''}.
            Your edits are still here and nothing was saved.
            {conflict !== undefined && (
              <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
                <Button size="small" variant="outlined" onClick={() => takeTheirs(conflict)}>Load the newer version</Button>
                <Button size="small" variant="outlined" onClick={() => keepMine(conflict)}>Keep my edits, save over it</Button>
              </Box>
            )}
            {conflict !== undefined && (
              <Box component="pre" sx={{ maxHeight: 200, overflow: 'auto', bgcolor: 'grey.100', p: 1, mt: 1, fontSize: 12 }}
                aria-label="The newer version">{editableText(conflict.campaign)}</Box>
            )}
          </Alert>
        )}
        {save.isError && !preconditionFailed && problems.length === 0 && <ProblemAlert error={save.error} />}
        {save.isSuccess && !dirty && <Alert severity="success" role="status">Saved as version {base.campaign.version}.</Alert>}
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button variant="contained" onClick={submit} loading={save.isPending} disabled={!dirty || conflict !== undefined}>Save</Button>
          <Button onClick={() => { setText(editableText(base.campaign)); setProblems([]); }} disabled={!dirty}>Discard changes</Button>
        </Box>
      </Paper>
      <Paper sx={{ p: 2 }} component="section" aria-label="Dry run">
        <DryRun campaign={base.campaign} />
      </Paper>
    </Box>
  );
}
