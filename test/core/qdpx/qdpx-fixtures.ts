/**
 * .qdpx fixtures written by hand in the shapes real tools write (design/refi/README.md): NVivo
 * Windows (`Sources/`, UTF-8 with BOM, CRLF, positions in UTF-16 units, emoji before codings),
 * NVivo Mac (`sources/`, an empty `sources/.root`, LF), and a hand-written project.qde with
 * cases, typed variables, notes and sets. Positions are computed from the text as written, in
 * UTF-16 units (what String.indexOf counts), so they are right by construction.
 */
import { zipSync } from 'fflate';

export const G = {
  user1: '11111111-1111-4111-8111-111111111111',
  user2: '22222222-2222-4222-8222-222222222222',
  codeWhanau: 'aaaaaaaa-0000-4000-8000-000000000001',
  codeConnection: 'aaaaaaaa-0000-4000-8000-000000000002',
  codeServices: 'aaaaaaaa-0000-4000-8000-000000000003',
  src1: 'bbbbbbbb-0000-4000-8000-000000000001',
  src2: 'bbbbbbbb-0000-4000-8000-000000000002',
  sel: (n: number) => `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`,
  coding: (n: number) => `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}`,
  varAge: 'eeeeeeee-0000-4000-8000-000000000001',
  varRegion: 'eeeeeeee-0000-4000-8000-000000000002',
  varFirst: 'eeeeeeee-0000-4000-8000-000000000003',
  varJoined: 'eeeeeeee-0000-4000-8000-000000000004',
  case1: 'ffffffff-0000-4000-8000-000000000001',
  case2: 'ffffffff-0000-4000-8000-000000000002',
  note1: '99999999-0000-4000-8000-000000000001',
  note2: '99999999-0000-4000-8000-000000000002',
  note3: '99999999-0000-4000-8000-000000000003',
  pdf: '88888888-0000-4000-8000-000000000001',
  audio: '77777777-0000-4000-8000-000000000001',
  transcript: '77777777-0000-4000-8000-000000000002',
  sync: (n: number) => `66666666-0000-4000-8000-${String(n).padStart(12, '0')}`,
  set1: '55555555-0000-4000-8000-000000000001',
};

/** The focus group as NVivo Windows writes it: CRLF line ends, emoji before the coded words. */
export const FOCUS_GROUP = [
  'Facilitator: Kia ora koutou 👋🏽, welcome to the group.',
  'Aroha: Whānau is everything to me 🌿🌿. My nan raised us.',
  'Mere: The clinic never rang back 😤 — three weeks waiting.',
  'Aroha: I felt connected when we went home to the marae.',
].join('\r\n\r\n');

export const INTERVIEW = ['Interviewer: Tell me about support.', 'Tama: My cousins help with the kids 👶 most days.'].join('\n');

export const TRANSCRIPT = ['Facilitator: Let us start.', '', 'Hemi: The bus is the hard part.'].join('\n');

/** A selection on the exact words, with its positions in UTF-16 units of `text`. */
export function at(text: string, words: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in the fixture text`);
  return { start, end: start + words.length };
}

export interface CodingSpec {
  words: string;
  code: string;
  user: string;
  n: number;
}

export const FG_CODINGS: CodingSpec[] = [
  { words: 'Whānau is everything to me', code: G.codeWhanau, user: G.user1, n: 1 },
  { words: 'The clinic never rang back', code: G.codeServices, user: G.user2, n: 2 },
  { words: 'I felt connected when we went home to the marae', code: G.codeConnection, user: G.user1, n: 3 },
  // after every emoji in the text: lands wrong if positions are read as code points
  { words: 'three weeks waiting', code: G.codeServices, user: G.user1, n: 4 },
];

function selections(text: string, specs: CodingSpec[], extra = ''): string {
  return specs
    .map((c) => {
      const r = at(text, c.words);
      return `<PlainTextSelection guid="${G.sel(c.n)}" name="${c.words.slice(0, 10)}" startPosition="${r.start}" endPosition="${r.end}" creatingUser="${G.user1}" creationDateTime="2024-05-0${c.n}T10:00:00Z"><Coding guid="${G.coding(c.n)}" creatingUser="${c.user}" creationDateTime="2024-05-0${c.n}T10:00:00Z"><CodeRef targetGUID="${c.code}"/></Coding></PlainTextSelection>`;
    })
    .join('\n      ') + extra;
}

const codebook = `<CodeBook><Codes>
    <Code guid="${G.codeWhanau}" name="Whānau" isCodable="true" color="#336699"><Description>Family &amp; kin</Description>
      <Code guid="${G.codeConnection}" name="Connection" isCodable="true" color="#AABBCC"/>
    </Code>
    <Code guid="${G.codeServices}" name="Services" isCodable="true" color="#c0504d"/>
  </Codes></CodeBook>`;

const users = `<Users><User guid="${G.user1}" name="Ana Researcher"/><User guid="${G.user2}" name="Ben Coder"/></Users>`;

export function nvivoWindows(): Uint8Array {
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Hauora focus groups" origin="NVivo 12 (Windows)">
  ${users}
  ${codebook}
  <Sources>
    <TextSource guid="${G.src1}" name="Focus group 1" richTextPath="internal://${G.src1}.docx" plainTextPath="internal://${G.src1}.txt" creatingUser="${G.user1}" creationDateTime="2024-05-01T09:00:00Z">
      ${selections(FOCUS_GROUP, FG_CODINGS)}
      <PlainTextSelection guid="${G.sel(9)}" startPosition="99990" endPosition="99999"><Coding guid="${G.coding(9)}"><CodeRef targetGUID="${G.codeServices}"/></Coding></PlainTextSelection>
    </TextSource>
    <PDFSource guid="${G.pdf}" name="Consent form" path="internal://${G.pdf}.pdf"/>
  </Sources>
</Project>
`;
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  return zipSync({
    'project.qde': Buffer.from(qde, 'utf8'),
    [`Sources/${G.src1}.txt`]: Buffer.concat([bom, Buffer.from(FOCUS_GROUP, 'utf8')]),
    [`Sources/${G.src1}.docx`]: Buffer.from('not really a docx'),
    [`Sources/${G.pdf}.pdf`]: Buffer.from('%PDF-1.4'),
  });
}

export function nvivoMac(): Uint8Array {
  const specs: CodingSpec[] = [{ words: 'My cousins help with the kids', code: G.codeWhanau, user: G.user2, n: 5 }];
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="NVivo 12 (Mac)">
  ${users}
  ${codebook}
  <Sources>
    <TextSource guid="${G.src2}" name="Interview Tama" plainTextPath="internal://${G.src2}.txt">
      ${selections(INTERVIEW, specs)}
    </TextSource>
  </Sources>
</Project>
`;
  return zipSync({ 'project.qde': Buffer.from(qde, 'utf8'), 'sources/.root': new Uint8Array(0), [`sources/${G.src2}.txt`]: Buffer.from(INTERVIEW, 'utf8') });
}

/** Hand-written: cases with typed variables, notes on the project, a code, a source and a selection, a set, an audio transcript with sync points. */
export function handWritten(): Uint8Array {
  const fg = FOCUS_GROUP.replace(/\r\n/g, '\n');
  const aroha1 = at(fg, 'Aroha: Whānau is everything to me 🌿🌿. My nan raised us.');
  const aroha2 = at(fg, 'Aroha: I felt connected when we went home to the marae.');
  const mere = at(fg, 'Mere: The clinic never rang back 😤 — three weeks waiting.');
  const specs = FG_CODINGS.slice(0, 2);
  const hemi = TRANSCRIPT.indexOf('Hemi:');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Hand-written hui project" origin="hand">
  ${users}
  ${codebook}
  <Variables>
    <Variable guid="${G.varAge}" name="Age" typeOfVariable="Integer"/>
    <Variable guid="${G.varRegion}" name="Region" typeOfVariable="Text"/>
    <Variable guid="${G.varFirst}" name="First session" typeOfVariable="Boolean"/>
    <Variable guid="${G.varJoined}" name="Joined" typeOfVariable="Date"/>
  </Variables>
  <Cases>
    <Case guid="${G.case1}" name="Aroha P">
      <VariableValue><VariableRef targetGUID="${G.varAge}"/><IntegerValue>34</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G.varRegion}"/><TextValue>Tai Tokerau</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G.varFirst}"/><BooleanValue>true</BooleanValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G.varJoined}"/><DateValue>2024-03-01</DateValue></VariableValue>
      <SelectionRef targetGUID="${G.sel(21)}"/><SelectionRef targetGUID="${G.sel(22)}"/>
    </Case>
    <Case guid="${G.case2}" name="Mere K">
      <VariableValue><VariableRef targetGUID="${G.varAge}"/><IntegerValue>51</IntegerValue></VariableValue>
      <SelectionRef targetGUID="${G.sel(23)}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${G.src1}" name="Hui 1" plainTextPath="internal://${G.src1}.txt">
      ${selections(fg, specs)}
      <PlainTextSelection guid="${G.sel(21)}" startPosition="${aroha1.start}" endPosition="${aroha1.end}"/>
      <PlainTextSelection guid="${G.sel(22)}" startPosition="${aroha2.start}" endPosition="${aroha2.end}"/>
      <PlainTextSelection guid="${G.sel(23)}" startPosition="${mere.start}" endPosition="${mere.end}"/>
      <NoteRef targetGUID="${G.note2}"/>
    </TextSource>
    <AudioSource guid="${G.audio}" name="Hui 2 recording" path="relative:///hui2.m4a">
      <Transcript guid="${G.transcript}" name="Hui 2">
        <PlainTextContent>${TRANSCRIPT}</PlainTextContent>
        <SyncPoint guid="${G.sync(1)}" timeStamp="0" position="0"/>
        <SyncPoint guid="${G.sync(2)}" timeStamp="65000" position="${hemi}"/>
      </Transcript>
    </AudioSource>
  </Sources>
  <Notes>
    <Note guid="${G.note1}" name="Project memo" creatingUser="${G.user1}" creationDateTime="2024-06-01T00:00:00Z"><PlainTextContent>Overall: whānau first.
Second line.</PlainTextContent></Note>
    <Note guid="${G.note2}" name="About hui 1" creatingUser="${G.user2}"><PlainTextContent>Loud room.</PlainTextContent></Note>
    <Note guid="${G.note3}" name="On the clinic" creatingUser="${G.user1}"><PlainTextContent>Three weeks!</PlainTextContent></Note>
  </Notes>
  <Sets>
    <Set guid="${G.set1}" name="Wellbeing"><MemberCode targetGUID="${G.codeWhanau}"/><MemberCode targetGUID="${G.codeConnection}"/></Set>
  </Sets>
  <NoteRef targetGUID="${G.note1}"/>
</Project>
`;
  // the selection note: put a NoteRef on selection 2's coding
  const withSelNote = qde.replace(`<CodeRef targetGUID="${G.codeServices}"/></Coding>`, `<CodeRef targetGUID="${G.codeServices}"/><NoteRef targetGUID="${G.note3}"/></Coding>`);
  return zipSync({ 'project.qde': Buffer.from(withSelNote, 'utf8'), [`sources/${G.src1}.txt`]: Buffer.from(fg, 'utf8') });
}
