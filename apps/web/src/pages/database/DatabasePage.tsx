import { PageHeader } from '../../components/PageHeader.tsx';

export function DatabasePage() {
  return <PageHeader title="Database" />;
}
