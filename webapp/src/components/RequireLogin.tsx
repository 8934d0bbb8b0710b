import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isOperator, useMe } from '../features/auth/api';
import { ProblemAlert } from './ProblemAlert';
import { Empty, Loading } from './States';

/** Shows its page to those logged in (operators only, when asked), sends anyone else to log in. */
export function RequireLogin({ children, operator = false }: { children: ReactNode; operator?: boolean }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return <Loading label="Checking who you are…" />;
  }
  if (me.isError) {
    return <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  if (operator && !isOperator(me.data)) {
    return <Empty>This page is for operators.</Empty>;
  }
  return <>{children}</>;
}
