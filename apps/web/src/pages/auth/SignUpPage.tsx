import { PageHeader } from '../../components/PageHeader.tsx';

export function SignUpPage() {
  return <PageHeader title="Create an account" />;
}
