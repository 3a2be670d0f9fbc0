/**
 * Completion for clients that take no snippets. The service writes its skeletons (the next
 * paragraph with a portion-mark choice, the banner, the E.O. line) as LSP snippets; a client that
 * did not announce `completionItem.snippetSupport` would insert `${1|U,C|}` literally. Such a
 * client gets the text a snippet client inserts when the user accepts it and types nothing:
 * each placeholder's default, a choice's first option, tab stops and unknown variables empty.
 */
import { type CompletionItem, InsertTextFormat } from 'vscode-languageserver';

/**
 * The text a snippet inserts with every default taken. Follows the LSP snippet grammar: `$1`,
 * `${1}`, `${1:default}` (nested), `${1|a,b|}`, `$NAME`, `${NAME:default}`, `${NAME/re/fmt/}`,
 * and the escapes `\$`, `\}`, `\\` (and `\,` `\|` inside a choice). Malformed syntax is kept as
 * text, as VS Code does.
 */
export function snippetToPlainText(snippet: string): string {
  let at = 0;

  /** Text up to an unescaped `stop` character (or the end), unescaped; nested `$…` expanded. */
  function any(stop: string | undefined): string {
    let out = '';
    while (at < snippet.length) {
      const ch = snippet[at]!;
      if (ch === '\\' && at + 1 < snippet.length && '$}\\'.includes(snippet[at + 1]!)) {
        out += snippet[at + 1];
        at += 2;
      } else if (stop !== undefined && ch === stop) {
        return out;
      } else if (ch === '$') {
        out += dollar();
      } else {
        out += ch;
        at++;
      }
    }
    return out;
  }

  /** At a `$`: a tab stop, placeholder, choice or variable, as text; a lone `$` stays. */
  function dollar(): string {
    const start = at;
    const simple = /^\$(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(snippet.slice(at));
    if (simple) {
      at += simple[0].length;
      return '';
    }
    const open = /^\$\{(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(snippet.slice(at));
    if (!open) {
      at++;
      return '$';
    }
    at += open[0].length;
    const next = snippet[at];
    if (next === '}') {
      at++;
      return '';
    }
    if (next === ':') {
      at++;
      const inner = any('}');
      if (snippet[at] === '}') {
        at++;
        return inner;
      }
    } else if (next === '|' && open[1] !== undefined) {
      const choice = /^\|((?:[^,|\\]|\\.)*)(?:,(?:[^,|\\]|\\.)*)*\|\}/.exec(snippet.slice(at));
      if (choice) {
        at += choice[0].length;
        return choice[1]!.replace(/\\(.)/g, '$1');
      }
    } else if (next === '/' && open[2] !== undefined) {
      // A variable transform: with no variable values here, it yields nothing.
      const transform = /^\/(?:[^/\\]|\\.)*\/(?:[^/\\]|\\.)*\/[a-z]*\}/.exec(snippet.slice(at));
      if (transform) {
        at += transform[0].length;
        return '';
      }
    }
    // Not snippet syntax after all: the `$` is text.
    at = start + 1;
    return '$';
  }

  return any(undefined);
}

/** The completion items as a client without snippet support must get them. */
export function withoutSnippets(items: CompletionItem[]): CompletionItem[] {
  return items.map((item) => {
    if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
    const plain: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
    if (item.insertText !== undefined) plain.insertText = snippetToPlainText(item.insertText);
    if (item.textEdit) plain.textEdit = { ...item.textEdit, newText: snippetToPlainText(item.textEdit.newText) };
    return plain;
  });
}
