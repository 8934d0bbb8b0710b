import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { accountOf, isOperator, useLogout, useMe } from '../features/auth/api';
import { usePoints } from '../features/points/api';
import { useWallet } from '../features/store/api';
import { amount } from '../lib/format';

interface Page { path: string; label: string; show: 'all' | 'shopper' | 'signed-in' | 'operator' }

const PAGES: Page[] = [
  { path: '/', label: 'Store', show: 'all' },
  { path: '/points-centre', label: 'Points', show: 'shopper' },
  { path: '/purchase-history', label: 'Purchases', show: 'signed-in' },
  { path: '/campaign-centre', label: 'Campaigns', show: 'operator' },
  { path: '/operations', label: 'Operations', show: 'operator' },
];

/** A figure that may be 0: shown as soon as it is known, a dash while it is not. */
function Figure({ label, value, testId }: { label: string; value: number | undefined; testId: string }) {
  return <Chip data-testid={testId} size="small" color="secondary" label={`${label} ${value === undefined ? '–' : amount(value)}`} />;
}

/** The top bar: the store's name, its pages, who is logged in with wallet and points, log in/out. */
export function Header() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const account = accountOf(me.data);
  const wallet = useWallet(account);
  const points = usePoints(account);
  const signedIn = me.data !== null && me.data !== undefined;
  const principal = me.data?.principal;
  const visible = PAGES.filter((p) => p.show === 'all' || (p.show === 'signed-in' && signedIn)
    || (p.show === 'shopper' && account !== undefined) || (p.show === 'operator' && isOperator(me.data)));
  const current = visible.find((p) => p.path !== '/' && location.pathname.startsWith(p.path))?.path
    ?? (location.pathname === '/' ? '/' : false);

  return (
    <AppBar position="sticky" component="header">
      <Toolbar sx={{ flexWrap: 'wrap', gap: 1, py: { xs: 1, sm: 0 } }}>
        <Typography variant="h6" component={RouterLink} to="/" sx={{ color: 'inherit', textDecoration: 'none', flexGrow: 1 }}>
          Unicorn Store
        </Typography>
        {signedIn && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }} aria-label="Your account" role="group">
            <Typography component="span" data-testid="principal" sx={{ fontWeight: 600 }}>{principal}</Typography>
            {account !== undefined && <Figure label="Wallet" value={wallet.data?.balance} testId="wallet" />}
            {account !== undefined && <Figure label="Points" value={points.data?.balance} testId="points" />}
            <Button color="inherit" variant="outlined" size="small" loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/') })}>Log out</Button>
          </Box>
        )}
        {me.data === null && <Button color="inherit" variant="outlined" component={RouterLink} to="/login">Log in</Button>}
      </Toolbar>
      <Tabs component="nav" aria-label="Pages" value={current} variant="scrollable" scrollButtons={false}
        textColor="inherit" indicatorColor="secondary" sx={{ px: 1 }}>
        {visible.map((p) => <Tab key={p.path} value={p.path} label={p.label} component={RouterLink} to={p.path}
          sx={{ opacity: 1, '&.Mui-selected': { fontWeight: 700 } }} />)}
      </Tabs>
    </AppBar>
  );
}
