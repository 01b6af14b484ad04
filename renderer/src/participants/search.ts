/**
 * Finding a participant by typing part of a name, pseudonym or role. Keys and query are folded
 * (shared/text/fold.ts), so `mere` finds `Mere`, `maori` and `Maaori` find `Māori`, `ropu` finds `rōpū`.
 */
import Fuse from 'fuse.js';
import type { Participant } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';

export type ParticipantSearch = (query: string) => Participant[];

export function participantSearch(people: Participant[]): ParticipantSearch {
  const fuse = new Fuse(people, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'pseudonym', weight: 1 },
      { name: 'role', weight: 0.5 },
    ],
    threshold: 0.34,
    ignoreLocation: true,
    getFn: (obj, path) => {
      const value = Fuse.config.getFn(obj, path);
      if (Array.isArray(value)) return value.map((v: string) => fold(v));
      return typeof value === 'string' ? fold(value) : '';
    },
  });
  return (query) => {
    const q = fold(query.trim());
    return q ? fuse.search(q).map((r) => r.item) : people;
  };
}
