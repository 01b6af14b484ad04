/**
 * Keeps a failure in one pane from blanking the window: if anything inside throws while rendering
 * (a memo body the editor cannot load, a bad record), the pane shows what failed and a way on, and
 * every other pane keeps working. Changing `resetKey` (another view, another source) tries again.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the pane is, for the message: "The transcript", "The code tree". */
  label: string;
  /** The element and class the pane's grid cell needs, so the layout holds while it shows the error. */
  id?: string;
  className: string;
  as?: 'section' | 'nav' | 'div';
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: unknown;
}

export class PaneBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`[focal] ${this.props.label} failed to show`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const Tag = this.props.as ?? 'section';
    return (
      <Tag id={this.props.id} className={`${this.props.className} pane-failed`} role="alert">
        <h2 className="pane-failed-title">{this.props.label} could not be shown</h2>
        <p>Something in it could not be read ({error.message || 'an unknown problem'}). Nothing was changed or lost; the rest of the window still works.</p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </Tag>
    );
  }
}
