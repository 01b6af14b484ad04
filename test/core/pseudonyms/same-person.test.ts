/**
 * Lower-case names and places, and never one person for another: a lone surname is never replaced by
 * the participant's pseudonym, and a first name is the participant's only where that is certain.
 */
import { describe, expect, it } from 'vitest';
import { detectIdentifiers, pseudonymise } from '../../../electron/core/pseudonyms';
import { ctxOf, person } from './helpers';

const row = (ctx: ReturnType<typeof ctxOf>, text: string, opts = {}) => detectIdentifiers(ctx, text, opts).map((c) => [c.text, c.kind, c.status, c.suggestion]);

describe('lower-case register names and places', () => {
  const ctx = ctxOf({ participants: [person(1, 'Priya Sharma', 'Leah'), person(2, 'Geoff Baker', 'Rick'), person(3, 'Aroha Ngata', 'Huia'), person(4, 'Mere Tawhiri', 'Ngaio')], speakers: [{ sourceId: 1, participantId: 3 }] });

  it('lowercase-register-names-detected', () => {
    expect(row(ctx, 'then priya rang and geoff agreed; sharma was there; priya sharma signed.')).toEqual([
      ['priya', 'first-name', 'rule', 'Leah'],
      ['geoff', 'first-name', 'rule', 'Rick'],
      ['sharma', 'participant', 'rule', '[surname]'],
      ['priya sharma', 'participant', 'rule', 'Leah'],
    ]);
  });
  it('lowercase-everyday-register-name-not-flagged', () => {
    expect(row(ctx, 'With aroha for all; a mere formality; the baker down the road; sharma-ish?')).toEqual([]);
  });
  it('lowercase-everyday-register-name-pending-where-context-says-name', () => {
    expect(row(ctx, 'and then aroha said we should go; my nan mere came.')).toEqual([
      ['aroha', 'first-name', 'pending', '[name]'],
      ['mere', 'first-name', 'pending', '[name]'],
    ]);
  });
  it('lowercase-gazetteer-place-detected', () => {
    expect(row(ctx, 'we moved to porirua, then south auckland and up to hikurangi; the police and a trust helped.')).toEqual([
      ['porirua', 'place', 'pending', '[town]'],
      ['south auckland', 'place', 'pending', '[town]'],
      ['hikurangi', 'place', 'pending', '[maunga]'],
    ]);
  });
});

describe('never one person for another', () => {
  it('lone-surname-never-participant-pseudonym', () => {
    const ctx = ctxOf({ participants: [person(1, 'Aroha Ngata', 'Huia')], speakers: [{ sourceId: 1, participantId: 1 }] });
    const text = 'My koro Rangi Ngata taught me. The Ngata whānau is big, and Ms Ngata agreed.';
    expect(row(ctx, text)).toEqual([
      ['Rangi Ngata', 'third-party', 'pending', '[name]'],
      ['Ngata', 'participant', 'rule', '[surname]'],
      ['Ngata', 'participant', 'rule', '[surname]'],
    ]);
    expect(pseudonymise(ctx, text).text).not.toMatch(/Huia/);
  });
  it('shared-first-name-pending', () => {
    const ctx = ctxOf({ participants: [person(1, 'Rangi Smith', 'Tane', 'facilitator'), person(2, 'Rangi Jones', 'Ari')], speakers: [{ sourceId: 1, participantId: 1 }] });
    expect(row(ctx, 'I think Rangi said so.')).toEqual([['Rangi', 'first-name', 'pending', '[name]']]);
    expect(row(ctx, 'I think Rangi Smith said so.')).toEqual([['Rangi Smith', 'participant', 'rule', 'Tane']]);
  });
  it('first-name-after-kinship-pending', () => {
    const ctx = ctxOf({ participants: [person(1, 'Rangi Smith', 'Tane', 'facilitator')], speakers: [{ sourceId: 1, participantId: 1 }] });
    expect(row(ctx, 'My koro Rangi passed last year.')).toEqual([['Rangi', 'first-name', 'pending', '[name]']]);
    expect(row(ctx, 'Then Whaea Rangi came in.')).toEqual([['Rangi', 'first-name', 'pending', '[name]']]);
    expect(row(ctx, 'I asked and Rangi said yes.')).toEqual([['Rangi', 'first-name', 'rule', 'Tane']]);
  });
  it('everyday-first-name-needs-speaker-context', () => {
    const ctx = ctxOf({ participants: [person(1, 'Aroha Ngata', 'Huia'), person(2, 'Tama Rewiri', 'Rawiri')], speakers: [{ sourceId: 2, participantId: 1 }] });
    const text = 'and Aroha is the one we call.';
    expect(row(ctx, text, { sourceId: 1 })).toEqual([['Aroha', 'first-name', 'pending', 'Huia']]);
    expect(row(ctx, text, { sourceId: 2 })).toEqual([['Aroha', 'first-name', 'rule', 'Huia']]);
    // Without a source, anyone speaking in the project counts.
    expect(row(ctx, text)).toEqual([['Aroha', 'first-name', 'rule', 'Huia']]);
    expect(row(ctxOf({ participants: [person(1, 'Aroha Ngata', 'Huia')] }), text)).toEqual([['Aroha', 'first-name', 'pending', 'Huia']]);
    // A first name that is no everyday word needs no speaker context.
    expect(row(ctx, 'and Tama is the one we call.', { sourceId: 1 })).toEqual([['Tama', 'first-name', 'rule', 'Rawiri']]);
  });
});
