import { ErrorState } from '../../components/error-state';

export default function NotFoundPage() {
  return <ErrorState kind="notFound" />;
}
