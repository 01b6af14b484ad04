import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../electron/core/import/parse-date';

describe('parseDate', () => {
  it.each([
    ['2010-06-15', '2010-06-15'],
    ['2010-6-5', '2010-06-05'],
    ['15/06/2010', '2010-06-15'],
    ['5/6/2010', '2010-06-05'],
    ['15.06.2010', '2010-06-15'],
    ['15 June 2010', '2010-06-15'],
    ['15 Jun 2010', '2010-06-15'],
    ['Tuesday 15 June 2010', '2010-06-15'],
    ['June 15, 2010', '2010-06-15'],
    ['15th of June 2010', undefined],
    ['15 Pipiri 2010', '2010-06-15'],
    ['1 Hōngongoi 2010', '2010-07-01'],
    ['1 Whiringa-ā-nuku 2010', '2010-10-01'],
    ['31/02/2010', undefined],
    ['06/15/2010', undefined],
    ['sometime in June', undefined],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });
});
