// Entry of the API explorer (client/explorer.html, served at /api behind the login).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExplorerApp } from './explorer-app';
import './explorer.css';

// The explorer shows live data the user changes with each Send: no retries that would
// hide a 401, no refetch on focus that would reset what they are looking at.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity } },
});

const root = document.getElementById('root');
if (!root) throw new Error('explorer.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ExplorerApp />
    </QueryClientProvider>
  </StrictMode>,
);
