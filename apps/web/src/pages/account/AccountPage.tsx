import { appRoute } from '../../app/app-route.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ApiKeysSection } from './ApiKeysSection.tsx';
import { AuditLogSection } from './AuditLogSection.tsx';

/** The signed-in user's account: who they are, their API keys, and what was done with it. */
export function AccountPage() {
  const { user } = appRoute.useRouteContext();
  return (
    <>
      <PageHeader title="Account" />
      <p className="mb-8 text-sm text-slate-700 dark:text-slate-300">
        Signed in as <strong>{user.name || user.email}</strong>
        {user.name && user.email ? ` (${user.email})` : ''}.
      </p>
      <div className="flex flex-col gap-12">
        <ApiKeysSection />
        <AuditLogSection />
      </div>
    </>
  );
}
