/** Runs the matrix for the chosen spec, and again when codings change. */
import { useCallback } from 'react';
import type { MatrixInput } from '../../../shared/domain/analysis';
import { useApi } from '../api/ApiProvider';
import { useProjectData } from '../workspace/useProjectData';

export function useMatrix(spec: MatrixInput) {
  const api = useApi();
  const key = JSON.stringify(spec);
  const load = useCallback(() => {
    const s = JSON.parse(key) as MatrixInput;
    if (s.cols === 'attribute' && s.attributeId === undefined) return Promise.resolve(null);
    return api['matrix-run'](s);
  }, [api, key]);
  return useProjectData(load, ['codes', 'codings', 'participants', 'sources']);
}
