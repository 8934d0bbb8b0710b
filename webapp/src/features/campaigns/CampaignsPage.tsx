import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Empty, Loading } from '../../components/States';
import { etagOf, useCampaigns, useDeleteCampaign, usePatchCampaign, type Campaign } from './api';

const editPath = (c: Campaign) => `/campaign-centre/${encodeURIComponent(c.client)}/${encodeURIComponent(c.campaign_name)}`;

/** The campaign centre: every campaign with activate/deactivate, edit and delete. */
export function CampaignsPage() {
  const campaigns = useCampaigns();
  const toggle = usePatchCampaign();
  const remove = useDeleteCampaign();
  const [deleting, setDeleting] = useState<Campaign | undefined>(undefined);

  const setStatus = (c: Campaign, status: Campaign['status']) =>
    toggle.mutate({ client: c.client, name: c.campaign_name, etag: etagOf(c.version), patch: { status } });
  const confirmDelete = () => {
    if (deleting !== undefined) {
      remove.mutate({ client: deleting.client, name: deleting.campaign_name }, { onSettled: () => setDeleting(undefined) });
    }
  };

  return (
    <>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h4" component="h1">Campaigns</Typography>
        <Button variant="contained" component={RouterLink} to="/campaign-centre/new">New campaign</Button>
      </Box>
      {toggle.isError && <ProblemAlert error={toggle.error} />}
      {remove.isError && <ProblemAlert error={remove.error} />}
      {campaigns.isPending && <Loading label="Loading campaigns…" />}
      {campaigns.isError && <ProblemAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {campaigns.isSuccess && campaigns.data.items.length === 0 && <Empty>No campaigns yet: purchases earn no points.</Empty>}
      <Box component="ul" aria-label="Campaigns" sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
        {campaigns.data?.items.map((c) => (
          <Paper component="li" key={`${c.client}/${c.campaign_name}`} sx={{ p: 2, display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <Box sx={{ flexGrow: 1, minWidth: 180 }}>
              <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>{c.client} / {c.campaign_name}</Typography>
              <Typography variant="body2" color="text.secondary">
                {c.description ?? 'No description'} · {c.rules.length} rule{c.rules.length === 1 ? '' : 's'} · version {c.version}
              </Typography>
            </Box>
            <Chip label={c.status} color={c.status === 'active' ? 'success' : 'default'} />
            <Button size="small" variant="outlined" component={RouterLink} to={editPath(c)}
              aria-label={`Edit ${c.client} / ${c.campaign_name}`}>Edit</Button>
            <Button size="small" variant="outlined" onClick={() => setStatus(c, c.status === 'active' ? 'inactive' : 'active')}
              loading={toggle.isPending && toggle.variables?.name === c.campaign_name}
              aria-label={`${c.status === 'active' ? 'Deactivate' : 'Activate'} ${c.client} / ${c.campaign_name}`}>
              {c.status === 'active' ? 'Deactivate' : 'Activate'}
            </Button>
            <Button size="small" color="error" variant="outlined" onClick={() => setDeleting(c)}
              aria-label={`Delete ${c.client} / ${c.campaign_name}`}>Delete</Button>
          </Paper>
        ))}
      </Box>
      <Dialog open={deleting !== undefined} onClose={() => setDeleting(undefined)} aria-labelledby="delete-title">
        <DialogTitle id="delete-title">Delete campaign?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {deleting?.client} / {deleting?.campaign_name} will stop awarding points at once. This cannot be undone.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(undefined)}>Keep it</Button>
          <Button color="error" onClick={confirmDelete} loading={remove.isPending}>Delete</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
