import Container from '@mui/material/Container';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { lazy, Suspense } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Header } from '../components/Header';
import { RequireLogin } from '../components/RequireLogin';
import { Empty, Loading } from '../components/States';
import { LoginCallback } from '../features/auth/LoginCallback';
import { LoginPage } from '../features/auth/LoginPage';
import { CampaignCreatePage } from '../features/campaigns/CampaignCreatePage';
import { CampaignEditPage } from '../features/campaigns/CampaignEditPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { PointsArrivalProvider } from '../features/points/arrival';
import { PointsPage } from '../features/points/PointsPage';
import { PurchasesPage } from '../features/purchases/PurchasesPage';
import { StorePage } from '../features/store/StorePage';
import { ApiError } from '../lib/api';
import { theme } from './theme';

const OperationsPage = lazy(() => import('../features/operations/OperationsPage'));

/** A client whose queries retry only what may pass on a retry (network, 5xx), never a 4xx. */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The pages of the store under one header. Their paths are never API paths (/points, /purchases,
 * /campaigns, /sagas, /dead-letters are the API's), so a reload of a deep link gets index.html, not JSON.
 */
export function AppRoutes() {
  return (
    <>
      <Header />
      <Container component="main" maxWidth="lg" sx={{ py: 3 }}>
        <Routes>
          <Route path="/" element={<StorePage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/login/callback" element={<LoginCallback />} />
          <Route path="/points-centre" element={<RequireLogin><PointsPage /></RequireLogin>} />
          <Route path="/purchase-history" element={<RequireLogin><PurchasesPage /></RequireLogin>} />
          <Route path="/campaign-centre" element={<RequireLogin operator><CampaignsPage /></RequireLogin>} />
          <Route path="/campaign-centre/new" element={<RequireLogin operator><CampaignCreatePage /></RequireLogin>} />
          <Route path="/campaign-centre/:client/:name" element={<RequireLogin operator><CampaignEditPage /></RequireLogin>} />
          <Route path="/operations/*" element={<RequireLogin operator>
            <Suspense fallback={<Loading label="Loading operations…" />}><OperationsPage /></Suspense>
          </RequireLogin>} />
          <Route path="*" element={<Empty>There is no such page.</Empty>} />
        </Routes>
      </Container>
    </>
  );
}

export function App({ client = newQueryClient() }: { client?: QueryClient }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <QueryClientProvider client={client}>
        <PointsArrivalProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </PointsArrivalProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
