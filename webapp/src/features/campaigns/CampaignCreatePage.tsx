import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError } from '../../lib/api';
import { useCreateCampaign } from './api';
import { NEW_CAMPAIGN, place, type Placed } from './documents';
import { parseDocument, RuleEditor } from './RuleEditor';

/** Writes a new campaign from a template; refusals are marked at their lines. */
export function CampaignCreatePage() {
  const create = useCreateCampaign();
  const navigate = useNavigate();
  const [text, setText] = useState(NEW_CAMPAIGN);
  const [problems, setProblems] = useState<Placed[]>([]);
  const [localError, setLocalError] = useState<string | undefined>(undefined);

  const submit = () => {
    const parsed = parseDocument(text);
    setLocalError(parsed.ok ? undefined : parsed.message);
    if (!parsed.ok) {
      return;
    }
    create.mutate(parsed.value, {
      onSuccess: (c) => navigate(`/campaign-centre/${encodeURIComponent(c.client)}/${encodeURIComponent(c.campaign_name)}`),
      onError: (error) => setProblems(error instanceof ApiError && error.status === 400
        ? (error.problem.errors ?? []).map((e) => place(text, e.field, e.message)) : []),
    });
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box>
        <Button component={RouterLink} to="/campaign-centre" size="small">← All campaigns</Button>
        <Typography variant="h4" component="h1">New campaign</Typography>
      </Box>
      <Paper sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <RuleEditor value={text} onChange={setText} problems={problems} label="New campaign as JSON" />
        {localError !== undefined && <Alert severity="error" role="alert">{localError}</Alert>}
        {create.isError && problems.length === 0 && <ProblemAlert error={create.error} />}
        <Box><Button variant="contained" onClick={submit} loading={create.isPending}>Create</Button></Box>
      </Paper>
    </Box>
  );
}
