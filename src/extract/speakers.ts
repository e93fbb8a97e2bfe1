// Who said each quotation, and for whom they speak: the inspectorate (its report,
// inspectors), the council (leaders, councillors, directors, spokespeople, the trust
// running its services), or someone else (ministers, unions, charities).
import vocab from '../vocab/speakers.json' with { type: 'json' };
import { sentenceIndexAt, type Quotation, type Sentence } from './sentences.js';

export type Voice = 'inspectorate' | 'council' | 'other' | 'unknown';

export interface Attribution {
  voice: Voice;
  speaker: string | null;
  role: string | null;
  /** How the article names the source: "inspection report", "inspectors", "Ofsted", or the speaker. */
  source: string | null;
  rule: string;
}

const SPEECH = `(?:${vocab.speechVerbs})`;
const TITLE = `(?:${vocab.titles})`;
const NAME_WORD = "[A-Z][a-zA-Z'’\\-]+";
const NAME = `(?:${TITLE}\\s+)?${NAME_WORD}(?:\\s+(?:de|van|von|le|la|du|al|bin)\\s+${NAME_WORD}|\\s+${NAME_WORD}){1,2}`;
const INSPECTORATE = new RegExp(vocab.inspectorate, 'i');
const OTHER = new RegExp(vocab.other, 'i');
const COUNCIL = new RegExp(vocab.council, 'i');
const OWN_COUNCIL = /\bthe council\b|\bcouncil['’]s\b|\bcouncillor\b|\bcllr\b/i;
const SPEECH_AT_END = new RegExp(`\\b${SPEECH}\\b[^"“”‘’]{0,40}$`, 'i');
const SPEECH_AT_START = new RegExp(`^[\\s,.:;—–-]*(?:${SPEECH}\\b|[^"“”]{0,120}?\\b${SPEECH}\\b)`, 'i');
const TITLE_RE = new RegExp(`^${TITLE}\\s+`);
const PRONOUN = /^(?:she|he|they)\b/i;
/** Capitalised pairs that name a place or a body, not a person ("West Midlands", "Children's Trust"). */
const PLACE_OR_BODY = /\b(?:Midlands|England|Yorkshire|London|Humber|Merseyside|Tyneside|Anglia|Wales|Scotland|Kingdom|Britain|Borough|County|City|Council|Trust|Police|Service|Services|Partnership|Board|Department|Agency|Commission|Office|Government|Ofsted)\b/;
const THEY_SAID = /\bthey\s+(?:also\s+|further\s+|later\s+)?(?:said|say|says|added|wrote|write|noted|found|concluded|reported)\b/i;
/** The last actor named before a "they": the inspectorate or its inspectors. */
const INSPECTORS_BEFORE = /\b(?:inspectors|Ofsted|the inspectorate|the inspection team)\b(?![\s\S]*\b(?:councillors|leaders|managers|staff|officials|families|parents)\b)/i;
const NOT_A_NAME = /^(?:The|This|That|These|Those|It|In|On|At|For|But|And|However|Meanwhile|Ofsted|Children|Inspectors?|Council|Cabinet|Director|Chair|Leader|Deputy|Executive|Children's|Children’s|Social|Local|National|Regional|Chief|Head|Lead|Senior|Assistant|Corporate|Mayor|Councillor|Cllr)$/;

/**
 * Words in a speaker's description that say nothing of whom they speak for: an
 * academic title before a name ("Professor Colin Ashworth, the commissioner…") and who
 * appointed them ("…, appointed by the Department for Education to run the service").
 */
const NOT_THEIR_SIDE = new RegExp(`\\b(?:Professor|Prof\\.?|Dr\\.?)\\s+(?=[A-Z])|\\b(?:appointed|sent in|installed|brought in|put in)\\s+by\\s+[^,;]*`, 'g');

function classify(described: string): Voice {
  const phrase = described.replace(NOT_THEIR_SIDE, ' ');
  if (INSPECTORATE.test(phrase)) return 'inspectorate';
  if (OWN_COUNCIL.test(phrase)) return 'council';
  if (OTHER.test(phrase)) return 'other';
  if (COUNCIL.test(phrase)) return 'council';
  return 'unknown';
}

function sourceOf(phrase: string): string | null {
  if (/\breport\b/i.test(phrase)) return 'inspection report';
  if (/\bletter\b/i.test(phrase)) return 'Ofsted';
  if (/\binspectors?\b/i.test(phrase)) return 'inspectors';
  if (/\bOfsted\b/i.test(phrase)) return 'Ofsted';
  return null;
}

/** Personal names in a phrase, title stripped, with where each stands. */
function namesIn(phrase: string): Array<{ name: string; index: number; length: number }> {
  const out: Array<{ name: string; index: number; length: number }> = [];
  const re = new RegExp(NAME, 'g');
  for (let m = re.exec(phrase); m; m = re.exec(phrase)) {
    const bare = m[0].replace(TITLE_RE, '');
    const words = bare.split(/\s+/);
    if (words.length < 2 && !TITLE_RE.test(m[0])) continue;
    if (words.some((w) => NOT_A_NAME.test(w)) || /['’]s$/.test(bare)) continue;
    out.push({ name: bare, index: m.index, length: m[0].length });
  }
  return out;
}

/** "executive director for children's services in Blackburn with Darwen" → "executive director for children's services". */
function roleFrom(appositive: string): string | null {
  const role = appositive
    .replace(/^[\s,]*(?:the|who is|who is the|a|an)\s+/i, '')
    .replace(/\s+(?:at|in|of|for) (?:the )?[A-Z][\w'’ ,&-]*$/u, '')
    .replace(/[\s,:]+$/, '')
    .trim();
  return role.length >= 3 && role.length <= 120 && !/["“”]/.test(role) ? role : null;
}

/** The introduction of a person named earlier ("The council's deputy leader, Brian Oldroyd, thanked…"). */
function introductionOf(text: string, name: string, before: number): { phrase: string; role: string | null } | null {
  const at = text.lastIndexOf(name, before);
  const first = text.indexOf(name);
  const index = first >= 0 && first < before ? first : at;
  if (index < 0) return null;
  const lineStart = Math.max(text.lastIndexOf('\n', index), text.lastIndexOf('. ', index), index - 80) + 1;
  const prefix = text.slice(lineStart, index);
  const after = text.slice(index + name.length, index + name.length + 140);
  const appositive = /^,\s*([^,"“”]{3,120}),/.exec(after)?.[1] ?? '';
  const prefixRole = /([\w'’ -]{3,80}?)[\s,]*$/.exec(prefix)?.[1] ?? '';
  return { phrase: `${prefix} ${appositive}`, role: roleFrom(appositive) ?? roleFrom(prefixRole.replace(/^.*\b(?:and|said|says|by|from)\b/i, '')) };
}

export function fromPhrase(text: string, phrase: string, offset: number, rule: string): Attribution {
  const names = namesIn(phrase);
  // The speaker is the name nearest the speech verb.
  const verbAt = new RegExp(`\\b${SPEECH}\\b`, 'i').exec(phrase)?.index ?? phrase.length;
  const named = names.sort((a, b) => Math.abs(a.index - verbAt) - Math.abs(b.index - verbAt))[0];
  let speaker: string | null = null;
  let role: string | null = null;
  let voicePhrase = phrase;
  if (named) {
    speaker = named.name;
    const appositive = /^,\s*([^,"“”]{3,140}),/.exec(phrase.slice(named.index + named.length))?.[1];
    const prefix = phrase.slice(0, named.index).replace(/^.*?\b(?:and|said|says)\b/i, '');
    role = (appositive && roleFrom(appositive)) ?? roleFrom(prefix.replace(/,\s*$/, '')) ?? null;
    if (TITLE_RE.test(phrase.slice(named.index)) && /^(?:Councillor|Cllr|Coun|Mayor)/.test(phrase.slice(named.index))) role ??= /^Mayor/.test(phrase.slice(named.index)) ? 'mayor' : 'councillor';
    if (!appositive && !prefix.trim()) {
      // A surname alone ("said Oduya") or a name introduced earlier: look back for who they are.
      const full = new RegExp(`${NAME_WORD}\\s+${speaker.split(/\s+/).pop()}\\b`).exec(text.slice(0, offset));
      if (full && speaker.split(/\s+/).length === 1) speaker = full[0];
      const intro = introductionOf(text, speaker, offset);
      if (intro) {
        voicePhrase = `${phrase} ${intro.phrase}`;
        role ??= intro.role;
      }
    }
  } else if (THEY_SAID.test(phrase) && INSPECTORS_BEFORE.test(text.slice(Math.max(0, offset - 400), offset))) {
    // "…, they said:" after a sentence about the inspectors: the inspectors speak.
    voicePhrase = 'inspectors';
    rule = `${rule}.pronoun`;
  } else if (PRONOUN.test(phrase.replace(/^[\s,.:;—–-]*/, '')) || /\b(?:she|he)\s+(?:said|says|added)\b/i.test(phrase)) {
    // "…," she said: the last person named before the quotation ("the Children's
    // Commissioner, Meredith Lang, warned that children across the West Midlands…").
    const people = namesIn(text.slice(Math.max(0, offset - 1500), offset)).filter((n) => !PLACE_OR_BODY.test(n.name));
    const last = people[people.length - 1];
    if (last) {
      speaker = last.name;
      const intro = introductionOf(text, last.name, offset);
      voicePhrase = intro?.phrase ?? '';
      role = intro?.role ?? null;
      rule = `${rule}.pronoun`;
    }
  } else {
    const single = new RegExp(`\\b${SPEECH}\\s+(${NAME_WORD})\\b|\\b(${NAME_WORD})\\s+${SPEECH}\\b`).exec(phrase);
    const surname = single?.[1] ?? single?.[2];
    if (surname && !NOT_A_NAME.test(surname)) {
      const full = new RegExp(`${NAME_WORD}\\s+${surname}\\b`).exec(text.slice(0, offset));
      if (full) {
        speaker = full[0];
        const intro = introductionOf(text, speaker, offset);
        voicePhrase = `${phrase} ${intro?.phrase ?? ''}`;
        role = intro?.role ?? null;
      }
    }
  }
  // Who speaks is said before the speech verb ("Cllr X, leader of the council, said after the report…").
  const speakerPart = voicePhrase === phrase ? phrase.slice(0, verbAt + 12) : voicePhrase;
  const voice = classify(speakerPart);
  const spokesperson = /\b(?:a|the) (?:council )?spokes(?:person|man|woman)\b/i.exec(phrase);
  if (!speaker && spokesperson) role = spokesperson[0].replace(/^(?:a|the)\s+/i, '');
  return { voice, speaker, role, source: voice === 'inspectorate' ? sourceOf(voicePhrase === 'inspectors' ? 'inspectors' : phrase) : speaker ?? role, rule };
}

/**
 * Attributions for the clause quotations (fragments get null). A quotation with no
 * speech verb near it continues the one before it in the same or previous paragraph.
 */
export function attributeQuotations(text: string, sentences: Sentence[], quotes: Quotation[]): Array<Attribution | null> {
  const out: Array<Attribution | null> = [];
  let previous = null as { attribution: Attribution; paragraph: number; open: boolean } | null;
  for (const q of quotes) {
    if (!q.clause) {
      out.push(null);
      continue;
    }
    const at = sentenceIndexAt(sentences, q.start);
    const sentence = sentences[at];
    const sentenceStart = sentence ? Math.min(sentence.start, q.start - 1) : q.start - 1;
    // Text before the quotation in its paragraph's sentence, and after it to the sentence end.
    const head = text.slice(sentenceStart, q.start - 1);
    const endOfTail = Math.min(text.indexOf('\n', q.end) === -1 ? text.length : text.indexOf('\n', q.end), q.end + 200);
    const tailRaw = text.slice(q.end + 1, endOfTail);
    const tail = tailRaw.split(/(?<=[.!?])\s+(?=["“‘A-Z])/)[0] ?? '';
    let attribution: Attribution | null = null;
    // "Cllr X, cabinet member for children, said:" as a paragraph of its own, the quotation below it.
    const before = at > 0 && sentences[at]!.start >= q.start - 1 ? sentences[at - 1] : undefined;
    const lead = head.trim() === '' && before?.paragraph === q.paragraph - 1 ? before : undefined;
    const leadText = lead ? text.slice(lead.start, lead.end) : '';
    if (SPEECH_AT_END.test(head) || /:\s*$/.test(head)) attribution = fromPhrase(text, head, sentenceStart, 'speaker.before_quote');
    else if (lead && /:\s*$/.test(leadText) && SPEECH_AT_END.test(leadText)) attribution = fromPhrase(text, leadText, lead.start, 'speaker.before_quote');
    else if (!/^\s*["“]/.test(tail) && SPEECH_AT_START.test(tail)) attribution = fromPhrase(text, tail, q.end, 'speaker.after_quote');
    else if (/^\s*(?:according to|the report|inspectors)/i.test(tail)) attribution = fromPhrase(text, tail, q.end, 'speaker.after_quote');
    // A quotation continues the one before it in its paragraph, or one left open at the end
    // of the paragraph before (news style: no closing mark until the speaker stops).
    const continues = previous && (previous.paragraph === q.paragraph || (previous.open && previous.paragraph === q.paragraph - 1));
    if ((!attribution || (attribution.voice === 'unknown' && !attribution.speaker)) && continues) {
      attribution = { ...previous!.attribution, rule: 'speaker.continued' };
    }
    out.push(attribution);
    previous = attribution ? { attribution, paragraph: q.paragraph, open: q.open } : null;
  }
  // "We are sorry.  [no closing mark] / "We will act," he said.": the speaker named at the
  // end of a quotation that ran over paragraphs also said its first paragraphs.
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i]!;
    const next = quotes[i + 1]!;
    const a = out[i];
    if (q.clause && q.open && (!a || (a.voice === 'unknown' && !a.speaker)) && next.clause && next.paragraph === q.paragraph + 1 && out[i + 1]) {
      out[i] = { ...out[i + 1]!, rule: 'speaker.continued' };
    }
  }
  return out;
}
