/**
 * The session's tikanga: its kaitiaki, its parts (recorded or not), sensitivity labels and the
 * frames that apply to it. Shown above the transcript when asked for; for a mainstream session,
 * only the frames.
 */
import { useCallback } from 'react';
import type { Participant, SourceDetail } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { SessionFrames } from '../frames/SessionFrames';
import { useProjectData } from '../workspace/useProjectData';
import { KaitiakiLine } from './KaitiakiLine';
import { LabelsSection } from './LabelsSection';
import { PartsSection } from './PartsSection';
import './tikanga.css';

interface TikangaPanelProps {
  id: string;
  source: SourceDetail;
  people: Participant[];
  selection: { start: number; end: number } | null;
}

export function TikangaPanel({ id, source, people, selection }: TikangaPanelProps) {
  const api = useApi();
  const load = useCallback(() => api['kaitiaki-status']({ sourceId: source.id }), [api, source.id]);
  const { data: status } = useProjectData(load, ['participants', 'sources']);
  return (
    <section id={id} className={source.mode === 'tikanga' ? 'tk-panel tk-panel-tikanga' : 'tk-panel'} aria-label={source.mode === 'tikanga' ? 'Tikanga of this session' : 'Frames of this session'}>
      {source.mode === 'tikanga' && (
        <>
          <KaitiakiLine status={status} />
          <PartsSection source={source} people={people} selection={selection} status={status} />
          <LabelsSection source={source} selection={selection} status={status} />
        </>
      )}
      <SessionFrames sourceId={source.id} />
    </section>
  );
}
