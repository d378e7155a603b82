import { Link } from 'react-router';
import { PageHeader } from '@/components/layouts/page-header';

export function NotFoundPage() {
  return (
    <section>
      <PageHeader title="Page not found" description="There is nothing at this address." />
      <Link to="/import">Go to the import page</Link>
    </section>
  );
}
