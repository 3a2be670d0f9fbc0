/**
 * A rule's help as SARIF carries it (`reportingDescriptor.help`): the "Why", "Failing example"
 * and "Passing example" sections of its page in docs/rules, as Markdown and as plain text, so
 * that code scanning shows them with no link to follow.
 */

export interface RuleHelp {
  text: string;
  markdown: string;
}

/** The sections a reader of a result needs; the rest of the page (evidence, configuration) stays on the page. */
const SECTIONS = ['Why', 'Failing example', 'Passing example'];

/** `## Heading` → its body, for the page's second-level sections. */
function sections(page: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = page.split(/\r?\n/);
  let name: string | undefined;
  let body: string[] = [];
  let fenced = false;
  const flush = () => {
    if (name !== undefined) out.set(name, body.join('\n').trim());
  };
  for (const line of lines) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      name = heading[1];
      body = [];
    } else if (name !== undefined) body.push(line);
  }
  flush();
  return out;
}

/**
 * A fence's info string may carry the settings the example runs under (```` ```cable {"profile":
 * "transmitted"} ````): a reader gets them as a sentence, the fence its language only.
 */
function settingsOutOfFences(markdown: string): string {
  return markdown.replace(/^(\s*)(```|~~~)(\w*)[ \t]+(\{.*\})[ \t]*$/gm, (_m, indent: string, fence: string, lang: string, settings: string) =>
    `${indent}With the settings \`${settings}\`:\n\n${indent}${fence}${lang}`,
  );
}

/** Links to other pages are dead outside the repository: their text stays. */
function unlink(markdown: string): string {
  return markdown.replace(/\[([^\]\n]+)\]\((?!https?:)[^)\s]+\)/g, '$1');
}

/** Markdown as plain text: fences become indented blocks, emphasis and code marks go. */
function plain(markdown: string): string {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(?:```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) out.push(`    ${line}`);
    else out.push(line.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1').replace(/^\* /, '- '));
  }
  return out.join('\n');
}

/** The help of one rule from its page; undefined when the page has none of the sections. */
export function ruleHelp(page: string): RuleHelp | undefined {
  const found = sections(page);
  const parts = SECTIONS.filter((s) => found.get(s)).map((s) => ({ title: s, body: settingsOutOfFences(unlink(found.get(s)!)) }));
  if (parts.length === 0) return undefined;
  return {
    markdown: parts.map((p) => `## ${p.title}\n\n${p.body}`).join('\n\n'),
    text: parts.map((p) => `${p.title}\n\n${plain(p.body)}`).join('\n\n'),
  };
}
