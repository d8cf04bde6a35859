import { PageHeader } from '../../components/PageHeader.tsx';

export function ConnectionsPage() {
  return <PageHeader title="Connections" />;
}
