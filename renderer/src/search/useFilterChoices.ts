/** What the filter menus offer: roles, groups, attributes and codes of the open project. */
import { useCallback } from 'react';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';

export function useFilterChoices() {
  const api = useApi();
  const load = useCallback(async () => {
    const [people, attributes, codes, frames] = await Promise.all([api['participants-list']({}), api['attributes-list']({}), api['codes-list']({}), api['frames-list']({})]);
    const roles = [...new Set(people.filter((p) => p.kind === 'person').map((p) => p.role).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en-NZ'));
    const groups = people.filter((p) => p.kind === 'group');
    return { people, roles, groups, attributes, codes, frames };
  }, [api]);
  return useProjectData(load, ['participants', 'codes']).data;
}

export type FilterChoices = NonNullable<ReturnType<typeof useFilterChoices>>;
