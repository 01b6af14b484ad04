/** Recordings dropped with their transcripts pair by base name (renderer/src/media/link-at-import.ts). */
import { describe, expect, it } from 'vitest';
import { isMediaName, pairRecordings, sourceOf } from '../../../renderer/src/media/link-at-import';

describe('pairing recordings with transcripts at import', () => {
  it('pairs each media file with the transcript of the same base name in the drop, and nothing else', () => {
    const names = ['Hui 3.vtt', 'hui 3.MP3', 'focus-group.docx', 'focus-group.webm', 'orphan.wav', 'notes.txt', 'notes.txt.m4a'];
    expect([...pairRecordings(names)]).toEqual([
      [1, 0],
      [3, 2],
    ]);
    expect(names.filter(isMediaName)).toEqual(['hui 3.MP3', 'focus-group.webm', 'orphan.wav', 'notes.txt.m4a']);
  });

  it('links to the new transcript, or to the one a duplicate repeats; a failed import has none', () => {
    expect(sourceOf({ fileName: 'a.vtt', status: 'imported', sourceId: 4, title: 'A' })).toEqual({ sourceId: 4, title: 'A' });
    expect(sourceOf({ fileName: 'a.vtt', status: 'duplicate', duplicateOf: { sourceId: 2, title: 'Old A' } })).toEqual({ sourceId: 2, title: 'Old A' });
    expect(sourceOf({ fileName: 'a.vtt', status: 'failed', message: 'bad' })).toBeNull();
    expect(sourceOf(undefined)).toBeNull();
  });
});
