import { ErrorState } from '../../components/error-state';

export default function OfflinePage() {
  return <ErrorState kind="offline" />;
}
