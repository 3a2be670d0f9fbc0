import type { PageMarker, Span } from '../../../grammar/src/ast';
import type { Fix, Rule, TextEdit } from '../engine/types';
import { expectedMarkerPost, pad, postHasGluedText, postMatches } from '../model/sections';

const digitsOk = (s: Span | undefined, n: number): boolean => !s || s.text.length === n;

export const CBL035: Rule = {
  id: 'CBL035',
  name: 'page-marker-format',
  defaultSeverity: 'warning',
  fixable: true,
  description:
    'A page marker reads POST SSSSSSSS  NNN OF MMM: the banner post cut to 10 characters, the banner serial padded to 8 digits, 3-digit numbers.',
  check(ctx) {
    const { cable } = ctx;
    const banner = cable.banner;
    const foreignSeen = new Set<string>();
    for (const m of cable.pageMarkers) {
      // Legacy printout headers (`PAGE 02 VATICA 01261 …`) are another format.
      if (m.form !== 'page') continue;
      if (banner && ctx.model.sections.isForeign(m)) {
        const key = `${m.post?.text.toUpperCase()} ${m.serial?.text}`;
        if (foreignSeen.has(key)) continue;
        foreignSeen.add(key);
        ctx.report({
          range: m.range,
          message: `page marker "${m.text.trim()}" belongs to another cable: the banner is ${banner.post.text} ${banner.serial.text}`,
        });
        continue;
      }
      checkMarker(ctx, m);
    }
  },
};

function checkMarker(ctx: Parameters<typeof CBL035.check>[0], m: PageMarker): void {
  const banner = ctx.cable.banner;
  const problems: string[] = [];
  const safeEdits: TextEdit[] = [];
  const fixes: Fix[] = [];

  if (m.serial) {
    const bannerSerial = banner ? Number.parseInt(banner.serial.text, 10) : undefined;
    const value = Number.parseInt(m.serial.text, 10);
    if (bannerSerial !== undefined && value !== bannerSerial) {
      const expected = pad(bannerSerial, 8);
      problems.push(`serial ${m.serial.text} does not match the banner serial ${banner!.serial.text} (expected ${expected})`);
      fixes.push({ title: `Change the serial to ${expected}`, edits: [{ range: m.serial.range, newText: expected }], safe: false });
    } else if (!digitsOk(m.serial, 8) && value <= 99_999_999) {
      problems.push(`serial ${m.serial.text} should have 8 digits (${pad(value, 8)})`);
      safeEdits.push({ range: m.serial.range, newText: pad(value, 8) });
    }
  }
  // A redacted banner post (`XXXXXXXXXXXX 000004`, 10SHENYANG4) gives nothing to compare with.
  if (m.post && banner && !/^X{4,}$/.test(banner.post.text.trim())) {
    const expected = expectedMarkerPost(banner.post.text);
    if (!postMatches(m.post.text, banner.post.text)) {
      problems.push(`post "${m.post.text}" does not match the banner post ${banner.post.text} (expected ${expected})`);
      fixes.push({ title: `Change the post to ${expected}`, edits: [{ range: m.post.range, newText: expected }], safe: false });
    } else if (m.post.text.trim().length > 10 && !postHasGluedText(m.post.text, banner.post.text)) {
      problems.push(`post "${m.post.text}" is cut to 10 characters in page markers (${expected})`);
      safeEdits.push({ range: m.post.range, newText: expected });
    }
  }
  if (m.numberText && !digitsOk(m.numberText, 3) && m.number !== undefined && m.number <= 999) {
    problems.push(`number ${m.numberText.text} should have 3 digits (${pad(m.number, 3)})`);
    safeEdits.push({ range: m.numberText.range, newText: pad(m.number, 3) });
  }
  if (m.totalText && !digitsOk(m.totalText, 3) && m.total !== undefined && m.total <= 999 && !ctx.model.sections.truncatedAfter(m.totalText)) {
    problems.push(`total ${m.totalText.text} should have 3 digits (${pad(m.total, 3)})`);
    safeEdits.push({ range: m.totalText.range, newText: pad(m.total, 3) });
  }
  // Text run into the marker by reflowing makes it not "well formed" but is no fault of the
  // marker itself (25 corpus lines): only concrete field problems are reported.
  if (!problems.length) return;
  if (safeEdits.length) fixes.unshift({ title: 'Normalise the page marker', edits: safeEdits, safe: true });
  ctx.report({
    range: m.range,
    message: `page marker "${m.text.trim()}": ${problems.join('; ')}`,
    fixes,
  });
}
