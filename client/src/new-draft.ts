/**
 * "cable-lint: New draft": asks for the classification, the post, the TAGS and the subject, then
 * opens the skeleton the server builds (workspace/executeCommand, server/src/service/new-draft.ts)
 * as a new cable with its placeholders as tab stops. Nothing here knows the format: the choices,
 * the checks and the text all come from the server.
 *
 * Answers may be passed as the command's argument (`{ classification, post, tags, subject }`),
 * in which case those questions are skipped: for keybindings, tasks and tests.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import {
  NEW_DRAFT_CHOICES_COMMAND,
  NEW_DRAFT_SKELETON_COMMAND,
  type NewDraft,
  type NewDraftChoices,
  type NewDraftRequest,
} from '../../server/src/lsp/protocol';

type Answers = { -readonly [K in keyof Omit<NewDraftRequest, 'declassifyAfterYears' | 'reasons'>]?: NewDraftRequest[K] };

const STEPS = 4;
const title = (step: number, what: string) => `New cable draft (${step}/${STEPS}): ${what}`;

const GROUP_LABEL = { subject: 'Subject and program tags', geographic: 'Geographic tags', organization: 'Organization tags' } as const;

/** The command: the new document's URI, or undefined when the user cancelled. */
export async function newDraftCommand(client: BaseLanguageClient, given?: unknown): Promise<vscode.Uri | undefined> {
  const answers: Answers = { ...(given && typeof given === 'object' ? (given as Answers) : {}) };
  const choices = (await client.sendRequest(ExecuteCommandRequest.type, { command: NEW_DRAFT_CHOICES_COMMAND })) as NewDraftChoices;
  const years = vscode.workspace.getConfiguration('cableLint').get<number>('newDraft.declassifyAfterYears', choices.declassifyAfterYears.default);

  for (;;) {
    answers.classification ??= await pickClassification(choices);
    if (!answers.classification) return undefined;
    answers.post ??= await pickPost(choices);
    if (!answers.post) return undefined;
    answers.tags ??= await pickTags(choices);
    if (!answers.tags) return undefined;
    answers.subject ??= await askSubject();
    if (answers.subject === undefined) return undefined;

    let draft: NewDraft;
    try {
      draft = (await client.sendRequest(ExecuteCommandRequest.type, {
        command: NEW_DRAFT_SKELETON_COMMAND,
        arguments: [{ ...answers, declassifyAfterYears: years }],
      })) as NewDraft;
    } catch (err) {
      // The server names the answer it refuses (`tags: …`, `subject: …`): ask that one again.
      const message = String((err as Error)?.message ?? err);
      void vscode.window.showErrorMessage(`New draft: ${message}`);
      const field = /^(classification|post|tags|subject)\b/.exec(message)?.[1] as keyof Answers | undefined;
      if (!field) return undefined;
      delete answers[field];
      continue;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: '' });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await editor.insertSnippet(new vscode.SnippetString(draft.snippet), new vscode.Position(0, 0));
    return doc.uri;
  }
}

async function pickClassification(choices: NewDraftChoices): Promise<NewDraftRequest['classification'] | undefined> {
  const picked = await vscode.window.showQuickPick(
    choices.classifications.map((c) => ({ label: c.label, detail: c.detail, id: c.id })),
    { title: title(1, 'classification'), placeHolder: 'The highest classification of anything the cable will say', ignoreFocusOut: true },
  );
  return picked?.id;
}

/** A post from the list, or any post typed in (the server checks it). */
function pickPost(choices: NewDraftChoices): Promise<string | undefined> {
  const listed: vscode.QuickPickItem[] = choices.posts.map((p) => ({ label: p.post, description: p.fmLine }));
  const qp = vscode.window.createQuickPick();
  qp.title = title(2, 'post');
  qp.placeholder = 'The post as the banner writes it (type one that is not listed)';
  qp.ignoreFocusOut = true;
  qp.items = listed;
  qp.onDidChangeValue((value) => {
    const typed = value.trim().toUpperCase();
    const exact = listed.some((i) => i.label === typed);
    qp.items = typed && !exact ? [{ label: typed, description: 'as typed' }, ...listed] : listed;
  });
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      resolve(item?.label);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** Several codes with their meanings; at least one subject and one geographic tag. */
function pickTags(choices: NewDraftChoices): Promise<string[] | undefined> {
  type Item = vscode.QuickPickItem & { code?: string; group?: string };
  const items: Item[] = [];
  let group: string | undefined;
  for (const t of choices.tags) {
    if (t.group !== group) {
      group = t.group;
      items.push({ label: GROUP_LABEL[t.group], kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: t.code, description: t.meaning, code: t.code, group: t.group });
  }
  const qp = vscode.window.createQuickPick<Item>();
  const hint = 'Pick at least one subject tag and one geographic tag (type to filter by code or meaning)';
  qp.title = title(3, 'TAGS');
  qp.placeholder = hint;
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.ignoreFocusOut = true;
  qp.items = items;
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const picked = qp.selectedItems.filter((i) => i.code);
      const missing = ['subject', 'geographic'].filter((g) => !picked.some((i) => i.group === g));
      if (missing.length > 0) {
        qp.title = title(3, `TAGS: still missing a ${missing.join(' and a ')} tag`);
        return;
      }
      resolve(picked.map((i) => i.code!));
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

function askSubject(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: title(4, 'subject'),
    prompt: 'What the cable is about, e.g. TAJIKISTAN: PARLIAMENT PASSES THE BUDGET (written in upper case)',
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (value.trim() === '') return 'The subject line needs some words';
      const outside = [...value].find((c) => c < ' ' || c > '~');
      return outside ? `"${outside}" is outside the telegraphic character set (plain ASCII)` : undefined;
    },
  });
}
