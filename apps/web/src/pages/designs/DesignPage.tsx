import { PageHeader } from '../../components/PageHeader.tsx';

export function DesignPage() {
  return <PageHeader title="Design" />;
}
