import { PageHeader } from '../../components/PageHeader.tsx';

export function DesignsPage() {
  return <PageHeader title="Designs" />;
}
