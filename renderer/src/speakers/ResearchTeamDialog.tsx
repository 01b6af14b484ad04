/**
 * The one question "Accept all" may ask: labels that name only a role (`Facilitator`, `INTERVIEWER`)
 * when the register does not hold exactly one research-team person. One answer links them all.
 */
import { useState } from 'react';
import type { Participant, ResearchTeamQuestion } from '../../../shared/domain/project';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { ParticipantPicker, type PickerChoice } from './ParticipantPicker';

export type ResearchTeamAnswer = { participantId: number } | { create: { name: string; role?: string } };

interface ResearchTeamDialogProps {
  question: ResearchTeamQuestion;
  people: Participant[];
  onClose: () => void;
  /** Resolves to an error message, or null once linked. */
  onAnswer: (answer: ResearchTeamAnswer) => Promise<string | null>;
}

export function ResearchTeamDialog({ question, people, onClose, onAnswer }: ResearchTeamDialogProps) {
  const [choice, setChoice] = useState<PickerChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const team = new Set(question.candidates.map((c) => c.id));
  // The research team first, then everyone else.
  const ordered = [...people.filter((p) => team.has(p.id)), ...people.filter((p) => !team.has(p.id) && p.kind === 'person')];
  const labels = [...new Set(question.labels)];

  const submit = async () => {
    if (!choice || busy) return;
    setBusy(true);
    const problem = await onAnswer(choice.kind === 'existing' ? { participantId: choice.participant.id } : { create: { name: choice.name } });
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Dialog
      title="Who is the research team member in these labels?"
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Leave them unlinked
          </button>
          <button type="submit" className="button button-primary" disabled={!choice || busy}>
            Link all {question.speakerIds.length}
          </button>
        </>
      }
    >
      <p className="field-help">
        {labels.map((l) => `“${l}”`).join(', ')} name{labels.length === 1 ? 's' : ''} only a role, in {question.speakerIds.length} label{question.speakerIds.length === 1 ? '' : 's'}.{' '}
        {question.candidates.length > 1
          ? `The register has ${question.candidates.length} research-team people; choose who it was.`
          : 'The register has no research-team person yet; choose or type who it was.'}{' '}
        Each label keeps the role it names.
      </p>
      <ParticipantPicker people={ordered} initialQuery="" onChoice={setChoice} />
      <ErrorMessage message={error} />
    </Dialog>
  );
}
