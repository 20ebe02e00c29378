import { ErrorState } from '../../components/error-state';

export default function ForbiddenPage() {
  return <ErrorState kind="forbidden" />;
}
