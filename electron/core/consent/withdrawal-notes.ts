/**
 * What a bracketed note in a transcript says. Transcribers mark talk taken off the record in many
 * wordings (`[Kōrero withdrawn from the record at the request of the speaker.]`, `[Redacted at the
 * speaker's request]`, `[withdrawn]`, `[participant asked for this to be removed]`); a turn holding
 * one is a withdrawn passage (gate row 4) even before anyone marks it. Known annotations
 * (`[laughter]`, `[inaudible]`, `[crosstalk]`, `[pause]`…) are not withdrawals, and nor is a
 * removal that gives no request (`[inaudible – removed]`, `[name removed]`: a redaction).
 * Anything else is unclassified, and `focal check` lists it so that a person decides.
 *
 * Matching is on folded text (lower case, macrons optional, curly apostrophes and dashes folded,
 * double vowels single: `been` is matched as `ben`); stored text is never changed.
 */
import { fold } from '../../../shared/text/fold';

export type NoteKind = 'withdrawal' | 'annotation' | 'session-part' | 'unclassified';

// Words for taking talk out, and for someone having asked for it.
const TAKEN_OUT = String.raw`(?:withdrawn|withdrew|redacted|removed|deleted|struck(?: out| off)?|cut|taken out|omit+ed|withheld|excluded|edited out)`;
const ASKED = String.raw`(?:request(?:ed)?|asked|wish(?:es|ed)?|wanted|instruction)`;
const WHO = String.raw`(?:speaker|participant|interviewe|respondent|kaikorero|whanau|ropu|group|person|they|he|she)`;

const WITHDRAWAL: RegExp[] = [
  // [Kōrero withdrawn from the record at the request of the speaker.] (the original rule)
  /\b(withdrawn|withdrew|struck)\b.*\b(record|request)\b/,
  /\bnot for the (report|record)\b/,
  /\boff the record\b/,
  // [withdrawn], [Kōrero withdrawn], [Section withdrawn – 2 min]
  /^(?:(?:korero|section|passage|text|comment|comments|statement|talk|content|remainder|rest of (?:the )?(?:turn|answer))\s+)?withdrawn\b/,
  // [Redacted at the speaker's request], [Removed at participant's request], [Section removed at the request of the participant]
  new RegExp(String.raw`\b${TAKEN_OUT}\b.*\b(?:at|on|by|per|following|upon|as)\b.*\b${ASKED}\b`),
  // [Removed: participant's request], [redacted (speaker request)]
  new RegExp(String.raw`\b${TAKEN_OUT}\b.*\b${WHO}'?s?\b.*\b${ASKED}\b`),
  // [participant asked for this to be removed], [Speaker requested that this be withdrawn]
  new RegExp(String.raw`\b${WHO}\b.*\b${ASKED}\b.*\b(?:${TAKEN_OUT}|not (?:be )?(?:used|included|quoted|recorded|transcribed|reported)|taken off|left out)\b`),
  // te reo: kua tangohia (has been taken out) with a request (tono) or wish (hiahia):
  // [Kua tangohia te kōrero i runga i te tono a te kaikōrero]
  /\btangohia\b.*\b(tono|hiahia)\b|\b(tono|hiahia)\b.*\btangohia\b/,
];

// Annotations of what happened in the room: not talk, not a withdrawal. A known word may be
// followed by detail ([inaudible 00:12:04], [inaudible – removed], [long pause], [laughs]).
const KNOWN = new RegExp(
  String.raw`^(?:(?:long|short|brief|general|group|soft|nervous|some|all|both)\s+)?(?:laugh\w*|kata|inaudible|unclear|indistinct|crosstalk|cros+[- ]?talk|overlap\w*|pause\w*|silence|cough\w*|sigh\w*|clears throat|background noise|noise|music|applause|claps?|clapping|interruption|interrupted|phone(?: rings| ringing)?|door\w*|crying|tears|tangi|emotional|waiata|singing|sings|haka|karakia|mihi|hongi|break|recording (?:paused|resumed|stopped|starts|started|ends|ended)|audio (?:cuts out|drops out|lost)|unintelligible|incomprehensible|mumbl\w*|whisper\w*|te reo|speaks in te reo(?: maori)?|in te reo(?: maori)?|translation|translated|sic|\?+|\.{2,}|…)\b`,
);
const SESSION_PART = /\b(whakatau|powhiri|mihi(?:mihi)?|karakia|whakawhanaungatanga|poroporoaki)\b/;

function prepare(note: string): string {
  return fold(note.normalize('NFC'))
    .replace(/^\[|\]$/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** True when a bracketed note (with or without its brackets) says the talk was taken off the record. */
export function isWithdrawalNote(note: string): boolean {
  const f = prepare(note);
  return WITHDRAWAL.some((re) => re.test(f));
}

/**
 * What a note is. `inNoteBlock`: the note is a paragraph of its own (a note block), where the
 * tikanga session's parts are recorded (`[Karakia tīmatanga led by Koro Hemi. Not recorded.]`).
 */
export function classifyNote(note: string, inNoteBlock = false): NoteKind {
  if (isWithdrawalNote(note)) return 'withdrawal';
  const f = prepare(note);
  if (KNOWN.test(f)) return 'annotation';
  if (inNoteBlock && SESSION_PART.test(f)) return 'session-part';
  return 'unclassified';
}
