/** Handlers for copying or dragging a selection out (talk ranges or a memo's text), through the gate. */
import { copyMemoText, copyRanges } from '../copy/selection-copy';
import { exportOptions } from '../export/check-quotes';
import { handlers } from './handler-types';

export const copyHandlers = handlers({
  'selection-copy': (i, core) =>
    'memoId' in i
      ? copyMemoText(core, { memoId: i.memoId, text: i.text, via: i.via, options: exportOptions(i.options), preview: i.preview })
      : copyRanges(core, { ranges: i.ranges, via: i.via, options: exportOptions(i.options), preview: i.preview }),
});
