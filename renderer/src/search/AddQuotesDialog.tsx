/**
 * "Add to quote bank…" for search results and coding-query results: says how many passages will
 * become quotes (and, for search hits, whether each is its sentence or its whole turn), then adds
 * them in one step. The core skips passages already in the bank and refuses restricted ones; the
 * answer says so. Only quote rows are made: text leaves the app only through the export gate.
 */
import { useState } from 'react';
import type { QuotesAdded, SearchQuoteScope } from '../../../shared/domain/quotes-from';
import { describeError } from '../api/errors';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';

interface Props {
  /** How many results there are (search: matching passages; query: segments). */
  count: number;
  countIsCapped?: boolean;
  /** "search result" or "query segment": what is counted. */
  noun: string;
  /** Search hits can be quoted as their sentence or their whole turn. */
  withScope?: boolean;
  run: (scope: SearchQuoteScope) => Promise<QuotesAdded>;
  onClose: () => void;
  onDone: (added: QuotesAdded) => void;
}

const n = (x: number) => x.toLocaleString('en-NZ');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** One line saying what happened: added, already there, refused (and why), not speech. */
export function addedMessage(r: QuotesAdded): string {
  const parts = [r.added ? `Added ${plural(r.added, 'quote')} to the quote bank.` : 'No new quotes added.'];
  if (r.skipped) parts.push(`${plural(r.skipped, 'passage was', 'passages were')} already in the bank.`);
  if (r.refused) parts.push(`${plural(r.refused, 'passage')} left out: ${r.refusedReason ?? 'restricted.'}`);
  if (r.notSpeech) parts.push(`${plural(r.notSpeech, 'note or heading', 'notes or headings')} left out (not speech).`);
  return parts.join(' ');
}

export function AddQuotesDialog({ count, countIsCapped = false, noun, withScope = false, run, onClose, onDone }: Props) {
  const [scope, setScope] = useState<SearchQuoteScope>('sentence');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await run(scope));
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };
  const total = `${countIsCapped ? 'more than ' : ''}${plural(count, noun)}`;
  return (
    <Dialog
      title="Add to quote bank"
      onClose={onClose}
      onSubmit={() => void add()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-autofocus disabled={busy || count === 0}>
            {busy ? 'Adding…' : `Add ${countIsCapped ? 'all' : n(count)} to the quote bank`}
          </button>
        </>
      }
    >
      <div className="add-quotes">
        <p>
          The <strong>{total}</strong> {count === 1 && !countIsCapped ? 'goes' : 'go'} into the quote bank:{' '}
          {withScope ? (scope === 'sentence' ? 'a quote for each sentence with a match' : 'a quote for each turn') : `a quote for each ${noun}`}. Passages already there are left as they are.
          Nothing leaves Focal until you export, and the export gate checks every quote then.
        </p>
        {withScope && (
          <>
            <ChoiceGroup
              legend="Each quote is"
              value={scope}
              onChange={setScope}
              options={[
                { value: 'sentence', label: 'The sentence with the match' },
                { value: 'turn', label: 'The whole turn' },
              ]}
            />
            <p className="field-help">
              {scope === 'sentence'
                ? 'A report quotes a sentence or two; you can widen a quote in the bank later.'
                : 'Whole turns give the context, but a long turn is more likely to hold a name or place that the gate will ask you to resolve.'}
            </p>
          </>
        )}
        <ErrorMessage message={error} />
      </div>
    </Dialog>
  );
}

/** The answer after adding, with a way to open the quote bank. */
export function QuotesAddedNote({ added, onOpenQuotes }: { added: QuotesAdded; onOpenQuotes: (() => void) | undefined }) {
  return (
    <p className="search-note quotes-added-note" role="status" data-testid="quotes-added">
      {addedMessage(added)}{' '}
      {onOpenQuotes && (
        <button type="button" className="link-button" onClick={onOpenQuotes}>
          Open the quote bank
        </button>
      )}
    </p>
  );
}
