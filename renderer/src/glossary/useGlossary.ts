/** The project glossary, kept loaded and compiled into a matcher (folded: macrons and double vowels ignored). */
import { useCallback, useMemo } from 'react';
import { glossaryMatcher, type TermMatch } from '../../../shared/text/glossary-match';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';

export function useGlossary() {
  const api = useApi();
  const load = useCallback(() => api['glossary-list']({}), [api]);
  const { data, error } = useProjectData(load, ['glossary']);
  const match = useMemo(() => glossaryMatcher(data ?? []), [data]);
  return { entries: data, error, match };
}

/** The term covering `offset` in `text`, if any (matches are computed once per text). */
export function termAt(matches: TermMatch[], offset: number): TermMatch | null {
  return matches.find((m) => m.start <= offset && offset < m.end) ?? null;
}
