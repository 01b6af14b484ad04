/**
 * A modal built on the native <dialog>: the browser supplies the focus trap, Escape to cancel and
 * the inert background, and screen readers announce it by its title. Focus goes to the element
 * marked `data-autofocus` (else the browser's first focusable one) and returns, on close, to
 * whatever had it before. Enter in a field submits the form: the primary action.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Called on Escape, on the close button and when the form is cancelled. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons along the bottom. */
  footer?: ReactNode;
  onSubmit?: () => void;
  /** Wider dialogs for lists (import results). */
  size?: 'normal' | 'wide';
  /** Extra class for the <dialog>, e.g. a state to style. */
  className?: string;
  /** When this changes (a dialog moving to its next step), focus goes to that step's `data-autofocus` element. */
  step?: string;
}

export function Dialog({ title, onClose, children, footer, onSubmit, size = 'normal', className, step }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog?.close();
      // The opener gets focus back (if it is still on the page), as the dialog pattern asks.
      if (before?.isConnected) before.focus();
    };
  }, []);

  const firstStep = useRef(step);
  useEffect(() => {
    if (step === firstStep.current) return;
    firstStep.current = step;
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [step]);

  const classes = ['dialog', size === 'wide' ? 'dialog-wide' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <dialog
      ref={ref}
      className={classes}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Let React unmount it rather than the browser closing it behind React's back.
        e.preventDefault();
        onClose();
      }}
    >
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit?.();
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        {footer && <div className="dialog-footer">{footer}</div>}
      </form>
    </dialog>
  );
}
