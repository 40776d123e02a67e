import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { onApiError } from '../shared/api';
import { createQueryClient, handleSessionExpiry } from './query-client';
import { createRouter } from './router';

export function App() {
  // Created once per mounted app, never at module load, so tests can mount fresh copies.
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  useEffect(() => onApiError((error) => handleSessionExpiry(queryClient, error)), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
