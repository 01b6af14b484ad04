/**
 * The speaker review after an import: each label with its transcript, turn count and suggested
 * participant. Accept one, accept all, choose someone else or a new person, set the role, or tick
 * several labels (`GEOFF` + `Geoff`) and merge them into one participant. A label that is not a
 * speaker (`Acknowledgements`, `Tel`) is marked so; turns can go to another label or a new one
 * (split), and two labels of one transcript merge into one. Saved as it is done; Ctrl+Z undoes
 * the label edits.
 */
import { useCallback, useState } from 'react';
import type { ResearchTeamQuestion, SpeakerReviewRow } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { shortcut } from '../format/keys';
import { plural } from '../format/numbers';
import { useProjectData } from '../workspace/useProjectData';
import { LinkDialog } from './LinkDialog';
import { ResearchTeamDialog } from './ResearchTeamDialog';
import { SpeakerRow } from './SpeakerRow';
import { TurnsDialog } from './TurnsDialog';
import { useSpeakerReview, type LinkTarget } from './useSpeakerReview';

interface SpeakerReviewProps {
  id: string;
  sourceIds: number[] | null;
  onClose: () => void;
}

export function SpeakerReview({ id, sourceIds, onClose }: SpeakerReviewProps) {
  const api = useApi();
  const review = useSpeakerReview(sourceIds);
  const loadPeople = useCallback(() => api['participants-list']({}), [api]);
  const { data: people } = useProjectData(loadPeople, ['participants']);
  const [roles, setRoles] = useState<Record<number, string>>({});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [linking, setLinking] = useState<SpeakerReviewRow[] | null>(null);
  const [question, setQuestion] = useState<ResearchTeamQuestion | null>(null);
  const [turnsOf, setTurnsOf] = useState<SpeakerReviewRow | null>(null);

  const rows = review.rows ?? [];
  const roleOf = (r: SpeakerReviewRow) => roles[r.speakerId] ?? (r.participantId !== null ? r.role : r.suggestion.role);
  const unlinked = rows.filter((r) => r.participantId === null && !r.notSpeaker);
  const chosen = rows.filter((r) => selected.has(r.speakerId) && !r.notSpeaker);
  const notSpeakers = rows.filter((r) => r.notSpeaker).length;
  // Labels of one transcript can be merged into one label (the first ticked keeps its name).
  const oneSource = chosen.length > 1 && chosen.every((r) => r.sourceId === chosen[0]!.sourceId);

  const accept = (r: SpeakerReviewRow) => {
    // A label naming only a role (`Facilitator`) is someone to choose, never a new participant called "Facilitator".
    if (r.suggestion.generic) return setLinking([r]);
    const target: LinkTarget = r.suggestion.participantId !== null ? { participantId: r.suggestion.participantId } : { create: { name: r.suggestion.name, role: roleOf(r) } };
    void review.link([r.speakerId], target, roleOf(r));
  };
  const changeRole = (r: SpeakerReviewRow, role: string) => {
    setRoles((prev) => ({ ...prev, [r.speakerId]: role }));
    // A linked label's role is saved at once; an unlinked one's goes with the link.
    if (r.participantId !== null) void review.link([r.speakerId], { participantId: r.participantId }, role);
  };
  const select = (r: SpeakerReviewRow, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(r.speakerId);
      else next.delete(r.speakerId);
      return next;
    });

  return (
    <section
      id={id}
      className="pane pane-main"
      aria-labelledby="review-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented && !linking && !question) onClose();
      }}
    >
      <PaneHeader id="review-heading" title="Review speakers" count={rows.length || null}>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </PaneHeader>
      <div className="review-toolbar">
        <p className="review-lead">
          {review.rows === null
            ? 'Loading speaker labels…'
            : unlinked.length
              ? `${plural(unlinked.length, 'speaker label')} to link. Suggestions come from the names in the labels and from the participant register.`
              : rows.length
                ? `All ${plural(rows.length - notSpeakers, 'speaker label')} are linked${notSpeakers ? ` (${plural(notSpeakers, 'label')} marked not a speaker)` : ''}. Transcripts now show the participants’ names.`
                : ''}
        </p>
        <button type="button" className="button button-primary" disabled={review.busy || unlinked.length === 0} onClick={() => void review.acceptAll(roleOf).then(setQuestion)}>
          Accept all suggestions
        </button>
      </div>
      {chosen.length > 0 && (
        <div className="selection-bar" role="group" aria-label="Selected speaker labels">
          <span>{plural(chosen.length, 'label')} selected</span>
          <button type="button" className="button button-small" onClick={() => setLinking(chosen)}>
            {chosen.length > 1 ? 'Merge into one participant…' : 'Link to a participant…'}
          </button>
          {oneSource && (
            <button
              type="button"
              className="button-ghost button-small"
              disabled={review.busy}
              onClick={() => void review.merge(chosen[0]!, chosen.slice(1)).then((problem) => problem || setSelected(new Set()))}
            >
              Merge labels into “{chosen[0]!.label}”
            </button>
          )}
          <button type="button" className="button-ghost button-small" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        </div>
      )}
      <div className="pane-scroll">
        <ErrorMessage message={review.error} />
        {review.rows && rows.length === 0 && (
          <EmptyState>
            {sourceIds
              ? 'Every speaker in these transcripts is already linked to a participant. Close this to read the transcripts.'
              : `No unlinked speaker labels. Speakers in transcripts you import (${shortcut('i')}) appear here to be linked to participants.`}
          </EmptyState>
        )}
        {rows.length > 0 && (
          <table className="review-table" aria-labelledby="review-heading">
            <thead>
              <tr>
                <th className="col-select">
                  <span className="visually-hidden">Select</span>
                </th>
                <th>Speaker label</th>
                <th className="col-turns">Turns</th>
                <th>Suggested participant</th>
                <th>Role</th>
                <th className="col-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            {bySource(rows).map((group) => (
              <tbody key={group[0]?.sourceId}>
                <tr className="source-group">
                  <th colSpan={6} scope="colgroup">
                    {group[0]?.sourceTitle}
                  </th>
                </tr>
                {group.map((r) => (
                  <SpeakerRow
                    key={r.speakerId}
                    row={r}
                    role={roleOf(r)}
                    selected={selected.has(r.speakerId)}
                    error={review.errors.get(r.speakerId)}
                    busy={review.busy}
                    onSelect={(on) => select(r, on)}
                    onRole={(role) => changeRole(r, role)}
                    onAccept={() => accept(r)}
                    onChoose={() => setLinking([r])}
                    onUnlink={() => void review.link([r.speakerId], { unmap: true })}
                    onNotSpeaker={(restore) => void review.notSpeaker(r, restore)}
                    onTurns={() => setTurnsOf(r)}
                  />
                ))}
              </tbody>
            ))}
          </table>
        )}
      </div>
      {question && (
        <ResearchTeamDialog
          question={question}
          people={people ?? []}
          onClose={() => setQuestion(null)}
          onAnswer={async (answer) => {
            const again = await review.acceptAll(roleOf, answer);
            return again ? 'Some labels are still unlinked; choose again.' : null;
          }}
        />
      )}
      {turnsOf && <TurnsDialog row={turnsOf} onClose={() => setTurnsOf(null)} onMove={(blockIds, target) => review.moveTurns(turnsOf, blockIds, target)} />}
      {linking && (
        <LinkDialog
          rows={linking}
          people={people ?? []}
          initialRole={roleOf(linking[0] as SpeakerReviewRow)}
          onClose={() => setLinking(null)}
          onLink={async (target, role) => {
            const speakerIds = linking.map((r) => r.speakerId);
            const problem = await review.link(speakerIds, target, role);
            if (problem) return problem;
            setRoles((prev) => ({ ...prev, ...Object.fromEntries(speakerIds.map((sid) => [sid, role])) }));
            setSelected(new Set());
            return null;
          }}
        />
      )}
    </section>
  );
}

/** Rows in runs by transcript, in the order the review lists them. */
function bySource(rows: SpeakerReviewRow[]): SpeakerReviewRow[][] {
  const groups: SpeakerReviewRow[][] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.sourceId === r.sourceId) last.push(r);
    else groups.push([r]);
  }
  return groups;
}
