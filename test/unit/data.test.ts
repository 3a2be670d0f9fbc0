import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  allTags,
  eoReason,
  headerCode,
  headerCodesByField,
  isAcceptedUndefinedTag,
  isSeenUndefinedTag,
  isTrustedTag,
  lookupRoutingIndicator,
  lookupTag,
  nearestTags,
  postByBannerPost,
  postByRefIdPost,
  refIdPostFor,
  splitRunTogetherTag,
  tagCategory,
  tagsOneEditFrom,
} from '../../server/src/data';
import { isOneEditApart } from '../../server/src/data/one-edit';

describe('data: tags', () => {
  it('knows meanings and kinds', () => {
    assert.deepEqual(
      ['KWMN', 'TI', 'RS', 'NATO', 'PGOV'].map((c) => [c, lookupTag(c)?.kind, lookupTag(c)?.meaning]),
      [
        ['KWMN', 'program', "Women's issues"],
        ['TI', 'geographic', 'Tajikistan'],
        ['RS', 'geographic', 'Russia'],
        ['NATO', 'organization', 'North Atlantic Treaty Organization'],
        ['PGOV', 'subject', 'Internal Governmental Affairs'],
      ],
    );
    const pgov = lookupTag('PGOV')!;
    assert.equal(pgov.status, 'official');
    assert.equal(pgov.corpusCount, 1280);
    assert.match(pgov.source, /5 FAH-3/);
    assert.match(lookupTag('EU')!.note + lookupTag('EU')!.meaning, /EUN/);
    assert.equal(lookupTag('G-8')?.kind, 'organization');
  });

  it('is exact and case-sensitive', () => {
    assert.equal(lookupTag('pgov'), undefined);
    assert.equal(lookupTag('PGOV '), undefined);
  });

  it('lists all 562 tags', () => {
    const all = allTags();
    assert.equal(all.length, 562);
    assert.equal(new Set(all.map((t) => t.code)).size, 562);
    assert.equal(all.filter((t) => t.kind === 'geographic').length, 285);
  });

  it('accepts undefined-but-seen codes and rejects codes in neither table', () => {
    assert.equal(lookupTag('KTIA'), undefined);
    assert.deepEqual(isSeenUndefinedTag('KTIA'), { code: 'KTIA', countAll: 17, countPublic: 14, likelyKind: 'program?' });
    assert.equal(isAcceptedUndefinedTag('KTIA'), true);
    assert.equal(isAcceptedUndefinedTag('POLITICS'), true); // a free word, not PO LI TI CS
    for (const code of ['QZXV', 'PRELL']) {
      assert.equal(lookupTag(code), undefined);
      assert.equal(isSeenUndefinedTag(code), undefined);
      assert.equal(isAcceptedUndefinedTag(code), false);
    }
    // a known code is not an "undefined" one
    assert.equal(isAcceptedUndefinedTag('PREL'), false);
  });

  it('splits run-together tokens into known codes', () => {
    assert.deepEqual(splitRunTogetherTag('PHUMPGOV'), ['PHUM', 'PGOV']);
    assert.deepEqual(splitRunTogetherTag('KWMNCS'), ['KWMN', 'CS']);
    assert.deepEqual(splitRunTogetherTag('PGOVPREL'), ['PGOV', 'PREL']);
    assert.deepEqual(splitRunTogetherTag('ETRDECONWTOCS'), ['ETRD', 'ECON', 'WTO', 'CS']);
    assert.deepEqual(splitRunTogetherTag('ITPGOV'), ['IT', 'PGOV']);
  });

  it('does not split known codes, partial matches or geographic-only strings', () => {
    assert.equal(splitRunTogetherTag('PGOV'), undefined);
    assert.equal(splitRunTogetherTag('PGOVE'), undefined);
    assert.equal(splitRunTogetherTag('QZXV'), undefined);
    assert.equal(splitRunTogetherTag('POLITICS'), undefined);
    assert.equal(splitRunTogetherTag('GAZA'), undefined);
  });

  it('treats run-together tokens of the undefined table as CBL064, not accepted', () => {
    assert.ok(isSeenUndefinedTag('PHUMPREL'));
    assert.equal(isAcceptedUndefinedTag('PHUMPREL'), false);
    assert.equal(isAcceptedUndefinedTag('VTPREL'), false);
  });

  it('suggests nearest known codes', () => {
    assert.equal(nearestTags('PRELL')[0], 'PREL');
    assert.ok(nearestTags('PGOB').includes('PGOV'));
    assert.ok(nearestTags('PGOB', 10).length <= 10);
    assert.equal(nearestTags('PGOB', 1).length, 1);
    assert.ok(!nearestTags('PREL').includes('PREL'));
    assert.deepEqual(nearestTags('QZXVWY'), []);
    // A swap of two adjacent letters is one slip, not two edits.
    assert.equal(nearestTags('KWNM')[0], 'KWMN', 'KWMN first for KWNM');
    assert.equal(nearestTags('PERL')[0], 'PREL', 'PREL first for PERL');
  });

  it('falls back to the category letter', () => {
    assert.equal(tagCategory('P')?.category, 'Political Affairs');
    assert.equal(tagCategory('KTIA')?.category, 'Program tags (K-tags)');
    assert.equal(tagCategory('Z'), undefined);
  });
});

describe('data: one Damerau–Levenshtein edit', () => {
  it('is one letter changed, added, dropped, or two adjacent letters swapped', () => {
    for (const [a, b] of [
      ['PREL', 'PRELL'],
      ['PRELL', 'PREL'],
      ['ECNO', 'ECON'],
      ['KWNM', 'KWMN'],
      ['PGOV', 'PGOX'],
      ['XPGOV', 'PGOV'],
      ['A', ''],
      ['AB', 'BA'],
    ])
      assert.equal(isOneEditApart(a!, b!), true, `${a} ${b}`);
    for (const [a, b] of [
      ['PREL', 'PREL'],
      ['XYZQ', 'XY'],
      ['ABC', 'CBA'],
      ['ABCD', 'BADC'],
      ['PGOV', 'GOVP'],
      ['PREL', 'PERM'],
      ['', ''],
      ['AB', 'ABCD'],
    ])
      assert.equal(isOneEditApart(a!, b!), false, `${a} ${b}`);
  });

  it('finds every known code one edit away, and trusts only a sourced or handbook row', () => {
    assert.deepEqual(tagsOneEditFrom('ETRA').map((t) => t.code).sort(), ['BTRA', 'ETRD', 'OTRA']);
    assert.deepEqual(tagsOneEditFrom('XYZQ'), []);
    assert.equal(isTrustedTag(lookupTag('PREL')!), true);
    assert.equal(isTrustedTag(lookupTag('LH')!), true, 'fips');
    assert.equal(isTrustedTag(lookupTag('RU')!), false, 'inferred');
    assert.equal(isTrustedTag(lookupTag('XY')!), true, 'inferred in the table, but the 1974 handbook lists it');
    assert.equal(isTrustedTag(lookupTag('KGHG')!), false, 'unverified');
    assert.equal(lookupTag('MNUC')!.sources.find((s) => s.edition === 'current')!.status, 'unverified');
    assert.equal(isTrustedTag(lookupTag('MNUC')!), true, 'unverified in the table, but a handbook lists it');
  });
});

describe('data: routing indicators', () => {
  it('maps RUEHDBU to Dushanbe', () => {
    const ri = lookupRoutingIndicator('RUEHDBU')!;
    assert.equal(ri.acp117Name, 'AMEMBASSY DUSHANBE');
    assert.equal(ri.corpusName, 'AMEMBASSY DUSHANBE');
  });

  it('knows corpus-only collectives and ACP 117 blocks', () => {
    const zl = lookupRoutingIndicator('RUEHZL')!;
    assert.equal(zl.acp117Name, '');
    assert.equal(zl.corpusName, 'EUROPEAN POLITICAL COLLECTIVE');
    assert.equal(lookupRoutingIndicator('RHFJAAQ')?.listedAs, 'RHFJAAA THRU RHFJAAZ');
    assert.equal(lookupRoutingIndicator('RUEHQQQ'), undefined);
  });
});

describe('data: posts', () => {
  it('maps banner posts to reference-id posts', () => {
    assert.equal(refIdPostFor('SECSTATE WASHDC'), 'STATE');
    assert.equal(refIdPostFor('NEW DELHI'), 'NEWDELHI');
    assert.equal(refIdPostFor('USUN NEW YORK'), 'USUNNEWYORK');
    assert.equal(refIdPostFor('DUSHANBE'), 'DUSHANBE');
    assert.equal(refIdPostFor('AIT TAIPEI'), 'AITTAIPEI');
    assert.equal(refIdPostFor('LONDON'), 'LONDON'); // not EFTOLONDON, which shares the banner
    assert.equal(refIdPostFor('SECSTATE'), 'STATE');
  });

  it('falls back to the banner run together', () => {
    assert.equal(refIdPostFor('FORT MYERS'), 'FORTMYERS');
    assert.equal(refIdPostFor('Port-au-Prince'), 'PORTAUPRINCE');
  });

  it('does not follow publisher-error banner variants', () => {
    // CHISINAU lists ULAANBAATAR among its banners (09CHISINAU694 shows another cable's body)
    assert.equal(refIdPostFor('ULAANBAATAR'), 'ULAANBAATAR');
    assert.equal(refIdPostFor('TAIPEI'), 'TAIPEI');
  });

  it('returns rows', () => {
    const p = postByBannerPost('NEW DELHI')!;
    assert.equal(p.refidPost, 'NEWDELHI');
    assert.equal(p.fmLine, 'AMEMBASSY NEW DELHI');
    assert.equal(p.deRoutingIndicator, 'RUEHNE');
    assert.equal(postByRefIdPost('STATE')?.fmLine, 'SECSTATE WASHDC');
    assert.equal(postByRefIdPost('NEW DELHI'), undefined);
    assert.deepEqual(postByRefIdPost('CHISINAU')?.bannerVariants, [
      { banner: 'CHISINAU', count: 2 },
      { banner: 'ULAANBAATAR', count: 1 },
    ]);
  });
});

describe('data: header codes and E.O. reasons', () => {
  it('explains classification reasons', () => {
    assert.match(eoReason('1.4', 'b')!.category, /foreign government information/);
    assert.equal(eoReason('1.4', 'D')?.letter, 'd');
    assert.ok(eoReason('1.4', 'h'));
    assert.ok(eoReason('1.5', 'g'));
    assert.equal(eoReason('1.5', 'h'), undefined);
  });

  it('looks up header codes by field', () => {
    assert.match(headerCode('caption', 'SIPDIS')!.meaning, /SIPRNet/);
    assert.equal(headerCode('FL2 precedence', 'OO')?.meaning, 'IMMEDIATE');
    assert.equal(headerCode('caption', 'OO'), undefined);
    assert.deepEqual(
      headerCodesByField('FL4 security').map((h) => h.code),
      ['ZNR UUUUU', 'ZNY CCCCC', 'ZNY SSSSS', 'ZNY EEEEE', 'ZNY TTTTT'],
    );
    assert.ok(headerCodesByField('portion mark').some((h) => h.code === '(SBU)'));
  });
});
