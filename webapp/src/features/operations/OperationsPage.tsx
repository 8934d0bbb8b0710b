import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { CataloguePanel } from './CataloguePanel';
import { DeadLettersPanel } from './DeadLettersPanel';
import { ParkedRecordsPanel } from './ParkedRecordsPanel';
import { RebuildPanel } from './RebuildPanel';
import { SagasPanel } from './SagasPanel';
import { WalletPanel } from './WalletPanel';

/** The operations area's panels, each at /operations/<path> (no API path: see platform.web.ApiPaths). */
const PANELS = [
  { path: 'sagas', label: 'Sagas', element: <SagasPanel /> },
  { path: 'dead-letters', label: 'Dead letters', element: <DeadLettersPanel /> },
  { path: 'projection', label: 'Projection rebuild', element: <RebuildPanel /> },
  { path: 'parked', label: 'Parked records', element: <ParkedRecordsPanel /> },
  { path: 'catalogue', label: 'Catalogue', element: <CataloguePanel /> },
  { path: 'wallets', label: 'Wallets', element: <WalletPanel /> },
];

/** Operators' consoles: sagas, dead letters, the projection rebuild and its parked records, the catalogue and the wallets. */
export default function OperationsPage() {
  const location = useLocation();
  const current = PANELS.find((p) => location.pathname.startsWith(`/operations/${p.path}`));
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>Operations</Typography>
      <Tabs component="nav" aria-label="Operations" value={current?.path ?? false} variant="scrollable" scrollButtons={false} sx={{ mb: 2 }}>
        {PANELS.map((p) => <Tab key={p.path} value={p.path} label={p.label} component={RouterLink} to={`/operations/${p.path}`} />)}
      </Tabs>
      <Box component="section" aria-label={current?.label ?? 'Operations'}>
        {current !== undefined && <Typography variant="h5" component="h2" sx={{ mb: 2 }}>{current.label}</Typography>}
        <Routes>
          <Route index element={<Navigate to="sagas" replace />} />
          {PANELS.map((p) => <Route key={p.path} path={p.path} element={p.element} />)}
          <Route path="*" element={<Navigate to="/operations/sagas" replace />} />
        </Routes>
      </Box>
    </>
  );
}
