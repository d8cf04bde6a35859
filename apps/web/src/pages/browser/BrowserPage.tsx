import { PageHeader } from '../../components/PageHeader.tsx';

export function BrowserPage() {
  return <PageHeader title="Database browser" />;
}
