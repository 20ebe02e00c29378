import { ErrorState } from '../../components/error-state';

export default function ServerErrorPage() {
  return <ErrorState kind="server" />;
}
