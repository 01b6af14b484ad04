/**
 * Words that head a section of a report or a contact block, not a speaker's turn:
 * `Acknowledgements:`, `Tel: 04 123 4567`, `Email: a@b.nz`, `Date: 3 May`, `References:`.
 * Compared lower-cased with single spaces.
 */

/** Contact fields: never a speaker. */
const CONTACT = new Set([
  'tel', 'tel.', 'telephone', 'phone', 'ph', 'ph.', 'fax', 'email', 'e-mail', 'mobile', 'mob', 'cell', 'cellphone',
  'web', 'website', 'url', 'www', 'address', 'postal address', 'physical address', 'street address', 'po box', 'postcode',
  'isbn', 'issn', 'doi',
]);

/** Section headings and document fields: a speaker only when the label recurs (see label-policy.ts). */
const SECTION = new Set([
  'acknowledgements', 'acknowledgments', 'acknowledgement', 'contents', 'table of contents', 'references', 'reference',
  'bibliography', 'appendix', 'appendices', 'abstract', 'introduction', 'summary', 'executive summary', 'background',
  'method', 'methods', 'methodology', 'findings', 'key findings', 'results', 'discussion', 'conclusion', 'conclusions',
  'recommendation', 'recommendations', 'glossary', 'foreword', 'preface', 'author', 'authors', 'contact', 'contacts',
  'contact details', 'keywords', 'key words', 'date', 'dates', 'subject', 're', 'purpose', 'objective', 'objectives', 'aim', 'aims',
  'scope', 'overview', 'attendees', 'present', 'apologies', 'agenda', 'minutes', 'actions', 'action items', 'next steps',
  'note', 'notes', 'source', 'sources', 'disclaimer', 'copyright', 'citation', 'suggested citation', 'publisher', 'published',
  'version', 'status', 'prepared by', 'prepared for', 'title', 'to', 'from', 'cc', 'sent', 'figure', 'table', 'chapter',
  'section', 'part', 'page', 'index', 'definitions', 'terms of reference', 'context', 'limitations', 'ethics', 'funding',
  'about the authors', 'about this report', 'contributors', 'tēnā koutou', 'ngā mihi', 'mihi', 'he mihi',
]);

const norm = (label: string) => label.toLowerCase().replace(/\s+/g, ' ').trim();

export const isContactField = (label: string): boolean => CONTACT.has(norm(label));
export const isSectionWord = (label: string): boolean => SECTION.has(norm(label));

/** The words after a label that are a phone number, an e-mail address or a web address: a contact line, not speech. */
export function looksLikeContactValue(rest: string): boolean {
  const s = rest.trim();
  if (s === '') return false;
  if (/^[+(]?\d[\d\s().+-]{5,}(?:\s*(?:ext\.?|x)\s*\d+)?$/i.test(s)) return true;
  if (/^\S+@\S+\.\S+$/.test(s)) return true;
  return /^(?:https?:\/\/|www\.)\S+$/i.test(s);
}
