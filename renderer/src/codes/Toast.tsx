/** One short message at the bottom of the window ("Coded with “Whānau”.", "Undone: …"), announced politely, gone after a few seconds. */
import { useCallback, useEffect, useState } from 'react';

export function useToast(): { message: { text: string; key: number } | null; notify: (text: string) => void } {
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const notify = useCallback((text: string) => setMessage({ text, key: Date.now() }), []);
  useEffect(() => {
    if (!message) return;
    const t = window.setTimeout(() => setMessage(null), 4000);
    return () => window.clearTimeout(t);
  }, [message]);
  return { message, notify };
}

export function Toast({ message }: { message: { text: string; key: number } | null }) {
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {message && (
        <div key={message.key} className="toast" data-testid="toast">
          {message.text}
        </div>
      )}
    </div>
  );
}
