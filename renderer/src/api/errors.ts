/** Turns anything a call can throw into one line for a researcher: never a stack trace. */
import { FocalApiError } from '../../../shared/api/errors';

export function describeError(e: unknown): string {
  if (e instanceof FocalApiError) {
    // Bad-input messages name the call and field ("project-new: name: a project needs a name");
    // the field's own problem is what the person needs to read.
    if (e.code === 'bad-input' && e.issues?.length) return e.issues.map((i) => sentence(i.replace(/^[^:]*:\s*/, ''))).join(' ');
    return e.message;
  }
  if (e instanceof Error) return sentence(e.message.split('\n')[0] ?? 'Something went wrong.');
  return 'Something went wrong.';
}

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const capital = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
