import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { Database, FolderTree, LayoutDashboard, LogOut, Plug, User, Workflow } from 'lucide-react';
import type { ReactNode } from 'react';
import { trpc } from '../api/trpc.ts';
import { Button } from '../components/Button.tsx';
import { toast } from '../components/Toasts.tsx';
import { appRoute } from './app-route.tsx';

const NAV: {
  to: '/' | '/designs' | '/connections' | '/browse' | '/account';
  label: string;
  icon: ReactNode;
}[] = [
  { to: '/', label: 'Dashboard', icon: <LayoutDashboard aria-hidden className="size-4" /> },
  { to: '/designs', label: 'Designs', icon: <Workflow aria-hidden className="size-4" /> },
  { to: '/connections', label: 'Connections', icon: <Plug aria-hidden className="size-4" /> },
  { to: '/browse', label: 'Browser', icon: <FolderTree aria-hidden className="size-4" /> },
  { to: '/account', label: 'Account', icon: <User aria-hidden className="size-4" /> },
];

/** The frame of every signed-in page: a skip link, the navigation, the user, sign out. */
export function AppShell() {
  const { user } = appRoute.useRouteContext();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: async () => {
        queryClient.clear();
        await navigate({ to: '/sign-in', search: {} });
      },
      onError: () => toast('Signed out on this device', { tone: 'error' }),
    }),
  );
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="flex items-center gap-2 font-semibold">
            <Database aria-hidden className="size-5 text-sky-700 dark:text-sky-400" />
            schema-builder
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {NAV.map((item) => (
              <Link
                key={item.to}
                to={item.to}
                activeOptions={{ exact: item.to === '/' }}
                className="flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 data-[status=active]:bg-slate-100 data-[status=active]:font-semibold dark:hover:bg-slate-800 dark:data-[status=active]:bg-slate-800"
              >
                {item.icon}
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-2 text-sm">
            <span className="hidden sm:inline" title={user.email ?? undefined}>
              {user.name || user.email}
            </span>
            <Button variant="ghost" pending={signOut.isPending} onClick={() => signOut.mutate()}>
              <LogOut aria-hidden className="size-4" />
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
