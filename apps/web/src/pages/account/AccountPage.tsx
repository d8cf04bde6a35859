import { PageHeader } from '../../components/PageHeader.tsx';

export function AccountPage() {
  return <PageHeader title="Account" />;
}
