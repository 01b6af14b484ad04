/** Shown when the core cannot be reached at all (server stopped, link without its token). */
import { ErrorMessage } from '../components/ErrorMessage';

export function ConnectionProblem({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <main className="start">
      <div className="start-card">
        <h1 className="start-title">Focal</h1>
        <p className="start-lead">Focal could not reach its core.</p>
        <ErrorMessage message={message} />
        <div className="start-actions">
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      </div>
    </main>
  );
}
