/**
 * New draft: the skeleton of a cable a drafter starts from, built from four answers
 * (classification, post, TAGS, subject) and the day. It lints clean under the engine's draft
 * profile: banner with a serial placeholder, captions, the E.O. 13526 line with a DECL date ten
 * years out (never past 25), TAGS, SUBJECT, Classified By for a classified draft, paragraphs 1
 * and 2 marked where the level needs it (one numbered paragraph alone is CBL086's), a signature.
 *
 * Plain functions, no connection: the server answers `workspace/executeCommand` with them
 * (NEW_DRAFT_COMMANDS in lsp/protocol.ts) and the VS Code client only asks the questions. The
 * snippet form has the placeholders as tab stops; its text with every placeholder at its default
 * is `text`.
 */
import { parseCable } from '../../../grammar/src/index';
import { lex, TextLine } from '../../../grammar/src/lexer';
import { allPosts, allTags, eoReason, isoDay, lookupTag, tagOn, type TagKind, type TagStatus } from '../data/index';

export type DraftClassification = 'UNCLASSIFIED' | 'SBU' | 'CONFIDENTIAL' | 'SECRET' | 'TOP SECRET';

interface Level {
  readonly id: DraftClassification;
  readonly label: string;
  readonly detail: string;
  /** The banner's level as cables write it: classified levels letter-spaced (spec 2.2). */
  readonly banner: string;
  readonly captions: readonly string[];
  /** Portion mark of the paragraphs; none for a plain UNCLAS draft (5 FAH-1 H-246.2 asks them of classified text). */
  readonly mark?: string;
  /** CONFIDENTIAL and up: DECL and Classified By (CBL042, CBL046). */
  readonly classified: boolean;
}

const LEVELS: readonly Level[] = [
  { id: 'UNCLASSIFIED', label: 'UNCLASSIFIED', detail: 'UNCLAS banner, E.O. 13526: N/A, paragraphs unmarked', banner: 'UNCLAS', captions: ['SIPDIS'], classified: false },
  {
    id: 'SBU',
    label: 'SENSITIVE BUT UNCLASSIFIED',
    detail: 'UNCLAS banner with the SENSITIVE caption, paragraphs marked (SBU)',
    banner: 'UNCLAS',
    captions: ['SENSITIVE', 'SIPDIS'],
    mark: 'SBU',
    classified: false,
  },
  { id: 'CONFIDENTIAL', label: 'CONFIDENTIAL', detail: 'DECL date, Classified By, paragraphs marked (C)', banner: 'C O N F I D E N T I A L', captions: ['SIPDIS'], mark: 'C', classified: true },
  { id: 'SECRET', label: 'SECRET', detail: 'DECL date, Classified By, paragraphs marked (S)', banner: 'S E C R E T', captions: ['SIPDIS'], mark: 'S', classified: true },
  // SIPRNet carries SECRET and below: no SIPDIS caption on TOP SECRET.
  { id: 'TOP SECRET', label: 'TOP SECRET', detail: 'DECL date, Classified By, paragraphs marked (TS), no SIPDIS', banner: 'T O P S E C R E T', captions: [], mark: 'TS', classified: true },
];

/** E.O. 13526 section 1.5: ten years unless the classifier decides otherwise, at most 25. */
export const DECLASSIFY_AFTER_YEARS = { default: 10, min: 1, max: 25 } as const;
/** The reasons most cables cite: 1.4 (b) foreign government information, (d) foreign relations. */
export const DEFAULT_REASONS: readonly string[] = ['b', 'd'];
/** CBL120's default width: every line of the skeleton fits it. */
const WIDTH = 69;

export interface NewDraftRequest {
  readonly classification: DraftClassification;
  /** The post as the banner writes it (`DUSHANBE`, `NEW DELHI`); upper-cased. */
  readonly post: string;
  readonly tags: readonly string[];
  readonly subject: string;
  /** Years from today to the DECL date: 1-25, 10 by default. */
  readonly declassifyAfterYears?: number;
  /** E.O. 13526 section 1.4 reason letters, `b` and `d` by default. */
  readonly reasons?: readonly string[];
}

export interface NewDraft {
  readonly languageId: 'cable';
  /** The skeleton, every placeholder at its default; it lints clean. */
  readonly text: string;
  /** The same as a snippet (VS Code / LSP snippet syntax): placeholders are tab stops. */
  readonly snippet: string;
  /** DECL date of a classified draft, YYYY-MM-DD. */
  readonly declassifyOn?: string;
}

export type NewDraftAnswer = { readonly draft: NewDraft } | { readonly error: string };

export interface DraftTagChoice {
  readonly code: string;
  readonly kind: TagKind;
  readonly meaning: string;
  /** "5 FAH-3, 2022" or "current table". */
  readonly sourceName: string;
  readonly status: TagStatus;
  /** What the draft needs at least one of: a subject (or program) tag and a geographic tag. */
  readonly group: 'subject' | 'geographic' | 'organization';
  readonly corpusCount: number;
}

export interface NewDraftChoices {
  readonly classifications: readonly { readonly id: DraftClassification; readonly label: string; readonly detail: string }[];
  readonly posts: readonly { readonly post: string; readonly fmLine: string; readonly cables: number }[];
  readonly tags: readonly DraftTagChoice[];
  readonly declassifyAfterYears: typeof DECLASSIFY_AFTER_YEARS;
}

const groupOf = (kind: TagKind): DraftTagChoice['group'] =>
  kind === 'subject' || kind === 'program' ? 'subject' : kind === 'geographic' ? 'geographic' : 'organization';

const GROUP_ORDER = { subject: 0, geographic: 1, organization: 2 } as const;
/** TAGS trust, most trusted first: a handbook's word, then published labels and standards, then memory, then inference. */
export const TRUST_ORDER: Record<TagStatus, number> = { official: 0, secondary: 1, fips: 1, acronym: 1, unverified: 2, inferred: 3 };

/**
 * What the questions offer: the levels, the posts of the table, and the TAGS codes in use today
 * (5 FAH-3 or the current table; codes only the 1974 handbook lists are known but not offered),
 * subject tags first, trusted ones first, busiest first.
 */
export function newDraftChoices(today: Date): NewDraftChoices {
  const tags: DraftTagChoice[] = [];
  for (const t of allTags()) {
    const r = tagOn(t.code, today)?.reading;
    if (!r || r.edition === 'TAGS-1974') continue;
    tags.push({ code: t.code, kind: r.kind, meaning: r.meaning, sourceName: r.name, status: r.status, group: groupOf(r.kind), corpusCount: t.corpusCount });
  }
  tags.sort(
    (a, b) =>
      GROUP_ORDER[a.group] - GROUP_ORDER[b.group] ||
      TRUST_ORDER[a.status] - TRUST_ORDER[b.status] ||
      b.corpusCount - a.corpusCount ||
      (a.code < b.code ? -1 : 1),
  );
  return {
    classifications: LEVELS.map(({ id, label, detail }) => ({ id, label, detail })),
    posts: allPosts()
      .filter((p) => p.bannerPost !== '' && POST.test(p.bannerPost))
      .map((p) => ({ post: p.bannerPost, fmLine: p.fmLine, cables: p.cablesInPublicCorpus })),
    tags,
    declassifyAfterYears: DECLASSIFY_AFTER_YEARS,
  };
}

// ------------------------------------------------------------------------------ reading a request

/** The banner's post (spec 2.2 `Banner`). */
const POST = /^[A-Z](?:[A-Z .'-]{0,38}[A-Z])?$/;
const PRINTABLE = /^[\x20-\x7e]*$/;

const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');

function firstOutsideAscii(s: string): string {
  const ch = [...s].find((c) => !PRINTABLE.test(c)) ?? '';
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Checks and normalises a request from any client; the error is one line a person can act on. */
export function readNewDraftRequest(params: unknown): { request: Required<NewDraftRequest> } | { error: string } {
  if (!params || typeof params !== 'object' || Array.isArray(params)) {
    return { error: 'expected an object { classification, post, tags, subject }' };
  }
  const p = params as Record<string, unknown>;
  const level = LEVELS.find((l) => l.id === p.classification);
  if (!level) return { error: `classification: expected one of ${LEVELS.map((l) => l.id).join(', ')}` };

  if (typeof p.post !== 'string') return { error: 'post: expected the post as the banner writes it, e.g. DUSHANBE' };
  const post = collapse(p.post).toUpperCase();
  if (!POST.test(post)) return { error: `post: "${post.slice(0, 40)}" is not a post as a banner writes it (letters, spaces, . ' -), e.g. NEW DELHI` };

  if (!Array.isArray(p.tags) || !p.tags.every((t) => typeof t === 'string')) return { error: 'tags: expected a list of TAGS codes' };
  const tags = [...new Set((p.tags as string[]).map((t) => t.trim().toUpperCase()).filter((t) => t !== ''))];
  if (tags.length > 40) return { error: `tags: ${tags.length} codes; a TAGS line holds a handful` };
  for (const code of tags) {
    const info = lookupTag(code);
    if (!info) return { error: `tags: ${code.slice(0, 20)} is not a known TAGS code` };
    if (info.historic) return { error: `tags: ${code} is a historic code (${info.meaning}, ${info.sourceName}); it has no meaning on a draft of today` };
  }
  const kinds = tags.map((c) => groupOf(lookupTag(c)!.kind));
  if (!kinds.includes('subject')) return { error: 'tags: pick at least one subject tag (such as PREL, PGOV, ECON) or program tag' };
  if (!kinds.includes('geographic')) return { error: 'tags: pick at least one geographic tag (a country code such as TI for Tajikistan)' };

  if (typeof p.subject !== 'string') return { error: 'subject: expected the subject line' };
  const subject = collapse(p.subject).toUpperCase();
  if (subject === '') return { error: 'subject: the subject line is empty' };
  if (!PRINTABLE.test(subject)) return { error: `subject: ${firstOutsideAscii(subject)} is outside the telegraphic character set (plain ASCII)` };
  // A line ending in `\\` is a publisher's artefact (CBL123); telegrams have no backslash.
  if (subject.includes('\\')) return { error: 'subject: `\\` is not a telegraphic character' };
  if (!/[A-Z0-9]/.test(subject)) return { error: 'subject: expected words, not only punctuation' };
  if (subject.length > 300) return { error: `subject: ${subject.length} characters; keep it to a few lines` };
  if (subject.split(' ').some((w) => w.length > WIDTH - 'SUBJECT: '.length)) return { error: `subject: a word longer than ${WIDTH - 9} characters cannot be wrapped to the ${WIDTH}-character line` };

  const years = p.declassifyAfterYears ?? DECLASSIFY_AFTER_YEARS.default;
  if (typeof years !== 'number' || !Number.isInteger(years) || years < DECLASSIFY_AFTER_YEARS.min || years > DECLASSIFY_AFTER_YEARS.max) {
    return { error: `declassifyAfterYears: expected a whole number of years from ${DECLASSIFY_AFTER_YEARS.min} to ${DECLASSIFY_AFTER_YEARS.max}` };
  }

  const rawReasons = p.reasons ?? DEFAULT_REASONS;
  if (!Array.isArray(rawReasons) || rawReasons.length === 0 || !rawReasons.every((r) => typeof r === 'string')) {
    return { error: 'reasons: expected E.O. 13526 section 1.4 letters, e.g. ["b", "d"]' };
  }
  const reasons = [...new Set((rawReasons as string[]).map((r) => r.trim().toLowerCase()))].sort();
  const bad = reasons.find((r) => !eoReason('1.4', r));
  if (bad !== undefined) return { error: `reasons: ${bad.slice(0, 10)} is not a section 1.4 reason (a-h)` };

  return { request: { classification: level.id, post, tags, subject, declassifyAfterYears: years, reasons } };
}

// ------------------------------------------------------------------------------ the skeleton

/** A piece of a line: literal text, or a placeholder (a tab stop in the snippet) with its default. */
type Piece = string | { readonly placeholder: string };
type Line = readonly Piece[];

const ph = (text: string): Piece => ({ placeholder: text });

/** A continuation line the lexer reads as plain text: not a paragraph number, a field, `TO …`. */
const plainLine = (line: string): boolean => lex(line).tokens[0]?.tokenType === TextLine;

/**
 * Words wrapped to WIDTH: the first line after `lead`, continuation lines flush left, each as
 * full as it can be while every continuation line stays plain text (`1.` or `TO` at a line start
 * would be read as a paragraph or an envelope line). Undefined when no layout does.
 */
function wrap(lead: string, words: readonly string[]): string[] | undefined {
  const n = words.length;
  const lineOf = (i: number, j: number) => words.slice(i, j).join(' ');
  // fits[i]: words[i..] can be laid out as continuation lines.
  const fits: boolean[] = new Array(n + 1).fill(false);
  fits[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= n && lineOf(i, j).length <= WIDTH; j++) {
      if (fits[j] && plainLine(lineOf(i, j))) {
        fits[i] = true;
        break;
      }
    }
  }
  const lines: string[] = [];
  // The first line takes as many words as fit (at least one) with a layout for the rest.
  let i = -1;
  for (let j = n; j >= 1; j--) {
    if ((lead + lineOf(0, j)).length <= WIDTH && fits[j]) {
      i = j;
      break;
    }
  }
  if (i < 0) return undefined;
  lines.push(lead + lineOf(0, i));
  while (i < n) {
    let next = -1;
    for (let j = n; j > i; j--) {
      if (lineOf(i, j).length <= WIDTH && fits[j] && plainLine(lineOf(i, j))) {
        next = j;
        break;
      }
    }
    lines.push(lineOf(i, next));
    i = next;
  }
  return lines;
}

/** `1.4 (b) and (d)`, `1.4 (a), (b) and (d)`. */
function reasonText(letters: readonly string[]): string {
  const marks = letters.map((l) => `(${l})`);
  return `1.4 ${marks.length > 1 ? `${marks.slice(0, -1).join(', ')} and ${marks.at(-1)}` : marks[0]}`;
}

/** Today plus `years`, the same day of the year (29 February becomes the 28th). */
function declDate(today: Date, years: number): { y: number; m: number; d: number } {
  const y = today.getUTCFullYear() + years;
  const m = today.getUTCMonth() + 1;
  let d = today.getUTCDate();
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) d = 28;
  return { y, m, d };
}

const two = (n: number) => String(n).padStart(2, '0');

function skeleton(r: Required<NewDraftRequest>, today: Date): { lines: Line[]; declassifyOn?: string } | { error: string } {
  const level = LEVELS.find((l) => l.id === r.classification)!;
  const lines: Line[] = [];
  const blank = () => lines.push([]);
  lines.push([`${level.banner} ${r.post} `, ph('000000')]);
  if (level.captions.length > 0) {
    blank();
    for (const c of level.captions) lines.push([c]);
  }
  blank();
  let declassifyOn: string | undefined;
  if (level.classified) {
    const { y, m, d } = declDate(today, r.declassifyAfterYears);
    declassifyOn = `${y}-${two(m)}-${two(d)}`;
    lines.push(['E.O. 13526: DECL: ', ph(`${two(m)}/${two(d)}/${y}`)]);
  } else {
    lines.push(['E.O. 13526: N/A']);
  }
  // On more than one line the codes are comma-separated: a line ending in a comma continues the
  // list whatever its codes (`ZANU-PF`, `UNGA/C-3`); bare continuation lines hold 2-4 letter codes only.
  const oneLine = wrap('TAGS: ', r.tags);
  const tags = oneLine?.length === 1 ? oneLine : wrap('TAGS: ', r.tags.map((t, i) => (i < r.tags.length - 1 ? `${t},` : t)));
  const subject = wrap('SUBJECT: ', r.subject.split(' '));
  if (!tags) return { error: 'tags: the codes cannot be wrapped to 69-character lines that read as TAGS' };
  if (!subject) return { error: 'subject: it cannot be wrapped to 69-character lines that read as the subject' };
  for (const l of tags) lines.push([l]);
  for (const l of subject) lines.push([l]);
  blank();
  if (level.classified) {
    const lead = 'Classified By: NAME, TITLE,';
    const [first, ...rest] = wrap(`${lead} `, `for reasons ${reasonText(r.reasons)}.`.split(' '))!;
    // The authority is the placeholder; what follows it on the first line stays literal.
    lines.push(['Classified By: ', ph('NAME, TITLE'), first!.slice(lead.length - 1)]);
    for (const l of rest) lines.push([l]);
    blank();
  }
  const mark = level.mark ? `(${level.mark}) ` : '';
  lines.push([`1. ${mark}SUMMARY: `, ph('The main point in two or three sentences.')]);
  lines.push(['END SUMMARY.']);
  blank();
  lines.push([`2. ${mark}`, ph('The details, one paragraph for each point.')]);
  blank();
  lines.push([ph('SURNAME')]);
  return { lines, ...(declassifyOn ? { declassifyOn } : {}) };
}

/** Escapes snippet syntax in literal text (`$`, `}` and `\`). */
const escapeSnippet = (s: string) => s.replace(/[$}\\]/g, (c) => `\\${c}`);

function render(lines: readonly Line[]): { text: string; snippet: string } {
  let stop = 0;
  const text = lines.map((l) => l.map((p) => (typeof p === 'string' ? p : p.placeholder)).join('')).join('\n') + '\n';
  const snippet =
    lines.map((l) => l.map((p) => (typeof p === 'string' ? escapeSnippet(p) : `\${${++stop}:${escapeSnippet(p.placeholder)}}`)).join('')).join('\n') + '\n$0';
  return { text, snippet };
}

/**
 * The skeleton for a request from any client (checked by `readNewDraftRequest`), dated `today`
 * (the caller's clock). An invalid request or day gives `{ error }`, never an exception.
 */
export function newDraft(params: unknown, today: Date): NewDraftAnswer {
  if (isoDay(today) === undefined) return { error: 'today: not a valid date' };
  const read = readNewDraftRequest(params);
  if ('error' in read) return read;
  const built = skeleton(read.request, today);
  if ('error' in built) return built;
  const { lines, declassifyOn } = built;
  const rendered = render(lines);
  // The grammar reads fields glued together on published copies (`… TAGS: …` inside a subject,
  // `CLASSIFIED BY`, ` REF:`): a subject holding such words would not read back as written.
  const cable = parseCable(rendered.text);
  if (cable.subject?.subject !== read.request.subject) {
    return { error: 'subject: it holds words the cable format reads as another header field (TAGS, SUBJECT:, REF:, CLASSIFIED BY, 1. ( …); reword it' };
  }
  const tags = cable.tags.flatMap((t) => t.tags.map((token) => token.text));
  if (tags.join(' ') !== read.request.tags.join(' ')) return { error: 'tags: the codes do not read back as a TAGS line' };
  return { draft: { languageId: 'cable', ...rendered, ...(declassifyOn ? { declassifyOn } : {}) } };
}

/**
 * The skeleton as a static snippet (contributes.snippets): post, TAGS, subject and the DECL year
 * are tab stops too, since a snippet cannot ask or compute. The DECL date starts from today's
 * month and day; the year is left to type.
 */
export function draftSnippet(classification: DraftClassification): { prefix: string; description: string; body: string[] } {
  const level = LEVELS.find((l) => l.id === classification)!;
  const built = skeleton(
    { classification, post: 'POST', tags: ['PREL'], subject: 'SUBJECT', declassifyAfterYears: DECLASSIFY_AFTER_YEARS.default, reasons: DEFAULT_REASONS },
    new Date(Date.UTC(2000, 0, 1)),
  );
  if ('error' in built) throw new Error(built.error); // fixed words: cannot happen
  const { lines } = built;
  const swap = (line: Line): Line => {
    const text = line.map((p) => (typeof p === 'string' ? p : '')).join('');
    if (text === `${level.banner} POST `) return [`${level.banner} `, ph('POST'), ' ', ph('000000')];
    if (text === 'TAGS: PREL') return ['TAGS: ', ph('PREL PGOV XX')];
    if (text === 'SUBJECT: SUBJECT') return ['SUBJECT: ', ph('COUNTRY: WHAT HAPPENED')];
    if (text === 'E.O. 13526: DECL: ') return ['E.O. 13526: DECL: $CURRENT_MONTH/$CURRENT_DATE/', ph('YYYY')];
    return line;
  };
  const swapped = lines.map(swap);
  let stop = 0;
  const body = swapped.map((l) =>
    l
      .map((p) => {
        if (typeof p !== 'string') return `\${${++stop}:${escapeSnippet(p.placeholder)}}`;
        // The DECL line's snippet variables are meant; everything else is literal.
        return p.startsWith('E.O. 13526: DECL: $CURRENT') ? p : escapeSnippet(p);
      })
      .join(''),
  );
  body.push('$0');
  const prefix = `cable-${level.id.toLowerCase().replace(/ /g, '-')}`;
  return { prefix, description: `New ${level.label} cable draft: banner, captions, E.O. line, TAGS, SUBJECT, paragraphs, signature`, body };
}

/** Every level's snippet, keyed as a `.code-snippets` file keys them. */
export function draftSnippets(): Record<string, { prefix: string; description: string; body: string[]; scope: string }> {
  const out: Record<string, { prefix: string; description: string; body: string[]; scope: string }> = {};
  for (const level of LEVELS) out[`New ${level.label} draft`] = { scope: 'cable', ...draftSnippet(level.id) };
  return out;
}
