/**
 * Kept apart by default: retrieval, coding queries, the matrix and charts look at one mode at a
 * time, the active frame's (a kaupapa Māori frame → tikanga-based hui; any other → mainstream focus
 * groups and interviews). Looking at both is an explicit choice, and says what it means.
 */
import { useState } from 'react';
import { useCoding } from '../codes/CodingContext';

export type SessionMode = 'mainstream' | 'tikanga';
export type ModeChoice = SessionMode | 'both';

/** The mode the active frame works in; mainstream when no frame is chosen yet. */
export function useFrameMode(): SessionMode {
  const coding = useCoding();
  const frame = coding.frames?.find((f) => f.id === coding.frameId);
  return frame?.kind === 'kaupapa-maori' ? 'tikanga' : 'mainstream';
}

/**
 * The mode an analysis looks at: the active frame's until the person chooses, and again whenever
 * the frame changes kind (a new frame is a new way of looking). `mode` is what to send to the core
 * (undefined = both, chosen explicitly).
 */
export function useModeScope(): { choice: ModeChoice; mode: SessionMode | undefined; setChoice: (c: ModeChoice) => void; frameMode: SessionMode } {
  const frameMode = useFrameMode();
  const [chosen, setChosen] = useState<{ for: SessionMode; choice: ModeChoice } | null>(null);
  const choice: ModeChoice = chosen && chosen.for === frameMode ? chosen.choice : frameMode;
  return { choice, mode: choice === 'both' ? undefined : choice, setChoice: (c) => setChosen({ for: frameMode, choice: c }), frameMode };
}

const LABELS: Record<ModeChoice, string> = {
  mainstream: 'Focus groups and interviews',
  tikanga: 'Tikanga-based (hui)',
  both: 'Both modes (mixed)',
};

interface Props {
  scope: ReturnType<typeof useModeScope>;
  /** Class of the <select>, to match the filters around it. */
  className?: string;
  /** Shown as a visible label before the select (else it is labelled for screen readers only). */
  visibleLabel?: boolean;
}

export function ModeSelect({ scope, className = 'input input-compact select', visibleLabel = false }: Props) {
  const select = (
    <select className={className} aria-label={visibleLabel ? undefined : 'Mode'} value={scope.choice} onChange={(e) => scope.setChoice(e.target.value as ModeChoice)}>
      {(['mainstream', 'tikanga', 'both'] as const).map((m) => (
        <option key={m} value={m}>
          {LABELS[m]}
          {m === scope.frameMode ? ' · this frame' : ''}
        </option>
      ))}
    </select>
  );
  if (!visibleLabel) return select;
  return (
    <label className="search-filter">
      <span>Mode</span>
      {select}
    </label>
  );
}

/** Said under any list or figure that mixes both modes on purpose. */
export function ModeMixNote({ scope }: { scope: ReturnType<typeof useModeScope> }) {
  if (scope.choice !== 'both') return null;
  return (
    <p className="mode-mix-note" role="note" data-testid="mode-mix-note">
      Both modes: mainstream focus groups and tikanga-based hui side by side. The kōrero of a hui is held under its own tikanga and its rōpū’s consent; read the two
      apart unless comparing them is the point.
    </p>
  );
}
