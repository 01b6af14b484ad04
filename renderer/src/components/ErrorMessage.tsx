/** An inline error: one readable line in a calm red box, announced to screen readers. */
export function ErrorMessage({ message, onDismiss }: { message: string | null; onDismiss?: () => void }) {
  if (!message) return null;
  return (
    <div className="error-message" role="alert">
      <span className="error-icon" aria-hidden="true">
        !
      </span>
      <span className="error-text">{message}</span>
      {onDismiss && (
        <button type="button" className="button-ghost button-small" onClick={onDismiss} aria-label="Dismiss error">
          Dismiss
        </button>
      )}
    </div>
  );
}
