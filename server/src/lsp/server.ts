/**
 * The language server: a thin adapter between LSP and the pure engine and service. It owns the
 * document store, scheduling and settings; every answer about a cable comes from the service.
 */
import {
  type CancellationToken,
  type ClientCapabilities,
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  type DiagnosticServerCancellationData,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type Diagnostic as LspDiagnostic,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Cable, Profile } from '../../../grammar/src/ast';
import type { Diagnostic, TextEdit } from '../engine/types';
import { lintParsed, runLintJob, type LintJob, type LintOutcome, type OffThreadLinting } from './lint-job';
import type { Host } from '../host/host';
import {
  completions,
  definition,
  documentHighlights,
  documentSymbols,
  foldingRanges,
  hover,
  inlayHints,
  references,
  selectionRanges,
  semanticTokens,
  semanticTokensLegend,
} from '../service/index';
import { renumberParagraphs } from '../service/code-actions';
import { formatCable } from '../service/format';
import { citationLinks, citedByReferences, citedCableDefinition, citedCableHover, citedSubjectOf, workspaceSymbols } from '../service/cross-references';
import type { CableSource } from '../host/workspace-indexer';
import type { HeapFigures } from '../host/host';
import { newDraft, newDraftChoices } from '../service/new-draft';
import { CODE_ACTION_KINDS, codeActions, type IgnoreTarget } from './actions';
import { withoutSnippets } from './snippets';
import { CONFIG_FILE_NAME, targetConfigFile } from './config-edits';
import { toEnginePosition, toEngineRangeClamped, toLspEdit } from './convert';
import { CableDocuments } from './documents';
import {
  INDEX_STATUS,
  type IndexStatus,
  LINT_WORKSPACE_FILES,
  NEW_DRAFT_CHOICES_COMMAND,
  NEW_DRAFT_SKELETON_COMMAND,
  PROFILE_NOTIFICATION,
  type FileDiagnostics,
  type ProfileParams,
} from './protocol';
import { debounceDelay, Debouncer, QUIET_MS, ROOM_AFTER_PULL_MS, WhenQuiet } from './scheduler';
import { type DocumentSettings, SettingsManager } from './settings';
import { WorkspaceIndexHost } from './workspace';

type Reason = 'open' | 'change' | 'save' | 'settings';

/** What a platform adds besides the connection and the host. */
export interface ServerOptions {
  /** Large documents off the request path (the Node server's worker thread); without it, in place. */
  offThread?: (onError: (message: string) => void) => OffThreadLinting;
  /** Lists and reads the cables of the workspace folders for the index (Node: host/node/cable-source.ts); without it, only open documents are indexed. */
  cableSource?: (onError: (message: string) => void) => CableSource;
  /**
   * Called when the server has been quiet for `QUIET_MS` after linting: gives the heap a burst
   * took back to the system and says so through `done` (Node: host/node/memory.ts); without it, nothing.
   */
  releaseMemory?: (done: (before: HeapFigures, after: HeapFigures) => void) => void;
  /**
   * Called when an edit of a document linted in place starts its debounce (push), or just after a
   * pulled lint of it was answered (pull: the next edit's lint comes without a wait), with the
   * text's length: collects the young generation now when the coming lint would not fit in what
   * is left of it below V8's own collection trigger, so the collection falls in idle time rather
   * than in or right after the lint (Node: host/node/memory.ts's `youngRoom`); says what it saw
   * when it collected. Without it, nothing.
   */
  makeRoom?: (chars: number) => { room: number; expected: number } | undefined;
}

/**
 * `initializationOptions.ruleDocsCommand`: a client command that shows a rule's page, given the
 * rule id (the VS Code extension's `cableLint.showRuleDoc`, in the desktop and in the browser
 * alike). Diagnostics then link `command:<it>?["CBL061"]` instead of the host's pages.
 */
function ruleDocsCommandBase(initializationOptions: unknown): string | undefined {
  const command = (initializationOptions as { ruleDocsCommand?: unknown } | null | undefined)?.ruleDocsCommand;
  return typeof command === 'string' && /^[\w.-]+$/.test(command) ? `command:${command}?` : undefined;
}

/** Serves LSP on `connection`; the files, configurations and names of the workspace come from `host`. */
export function startServer(connection: Connection, host: Host, options: ServerOptions = {}): void {
  const docs = new CableDocuments();
  const debouncer = new Debouncer();
  const logError = (where: string, err: unknown) =>
    connection.console.error(`cable-lint: ${where} failed: ${(err as Error)?.stack ?? String(err)}`);
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  const release = options.releaseMemory;
  const quiet = release
    ? new WhenQuiet(QUIET_MS, () =>
        release((before, after) =>
          connection.console.log(`cable-lint: quiet, heap given back: ${mb(before.heapTotal)} -> ${mb(after.heapTotal)} MB (in use ${mb(after.heapUsed)} MB)`),
        ),
      )
    : undefined;

  /**
   * The answer to a request the client cancelled: LSP advises the RequestCancelled error, which
   * clients drop silently, rather than an empty result they might show.
   */
  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

  /**
   * Where the session stands: LSP wants ServerNotInitialized (-32002) for a request before
   * `initialize` and InvalidRequest (-32600) for one after `shutdown`.
   */
  let phase: 'new' | 'running' | 'shutDown' = 'new';
  const outOfSession = (): ResponseError<void> | undefined =>
    phase === 'new'
      ? new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized yet')
      : phase === 'shutDown'
        ? new ResponseError(ErrorCodes.InvalidRequest, 'the server is shut down')
        : undefined;

  let capabilities: ClientCapabilities = {};
  let pullDiagnostics = false;
  let settings = new SettingsManager(connection, false, host);
  /** Documents just opened: their first content event is the open, not a change. */
  const opening = new Set<string>();
  /** Last profile sent per document, so the status bar gets a notification only on a change. */
  const lastProfile = new Map<string, Profile>();
  /** Pull mode with `run: onSave`: the report stays as of the last open or save. */
  const heldReports = new Map<string, { resultId: string; items: LspDiagnostic[] }>();

  const linter = options.offThread?.((message) => connection.console.error(`cable-lint: ${message}`));
  /** The cables of the workspace folders, as facts, for references across cables. */
  const workspace = new WorkspaceIndexHost(connection, docs, options.cableSource?.((message) => connection.console.error(`cable-lint: ${message}`)));
  /** Where diagnostics link their rule's page: the client's command, else the host's pages. */
  let docsBase = host.workspace.ruleDocsBase;
  /** Off-thread runs under way, per version and settings, so that requests for the same lint share one. */
  const inFlight = new Map<string, Promise<LintOutcome | undefined>>();

  function jobFor(doc: TextDocument, s: DocumentSettings): Omit<LintJob, 'text'> {
    return { uri: doc.uri, version: doc.version, settings: s.lint, now: new Date().toISOString(), docsBase };
  }

  /** Where a document version's lint under settings `s` is memoised. */
  const lintKey = (s: DocumentSettings) => `lint:${s.key}`;

  /** The lint of a document version, in place (memoised with the version). */
  function lintOutcome(doc: TextDocument, s: DocumentSettings): LintOutcome {
    return docs.memo(doc, lintKey(s), (cable) => {
      const outcome = lintParsed(cable, jobFor(doc, s));
      // Quiet counts from the end of the work.
      quiet?.worked();
      return outcome;
    });
  }

  /**
   * The lint of a document version, off the request path when the document is large.
   * Undefined when the run was dropped first: a newer version, the document closed, or the
   * request that asked for it cancelled (`token`).
   */
  async function lintOutcomeOffThread(doc: TextDocument, s: DocumentSettings, token?: CancellationToken): Promise<LintOutcome | undefined> {
    const memoKey = lintKey(s);
    const known = docs.recall<LintOutcome>(doc, memoKey);
    if (known) return known;
    if (!linter?.wants(doc.getText().length)) return lintOutcome(doc, s);
    const flightKey = `${doc.uri}\u0000${doc.version}\u0000${memoKey}`;
    let pending = inFlight.get(flightKey);
    if (!pending) {
      pending = linter.lint({ ...jobFor(doc, s), text: doc.getText() }).then(
        (outcome) => {
          if (outcome) docs.remember(doc, memoKey, outcome);
          // The worker's heap is its own, but this thread parses the same text for every feature.
          quiet?.worked();
          return outcome;
        },
        (err: unknown) => {
          // A worker that cannot run must not leave the document without diagnostics.
          logError('off-thread validation', err);
          const current = docs.get(doc.uri);
          return current && current.version === doc.version ? lintOutcome(current, s) : undefined;
        },
      );
      const settled = pending;
      inFlight.set(flightKey, settled);
      void settled.finally(() => {
        if (inFlight.get(flightKey) === settled) inFlight.delete(flightKey);
      });
    }
    const cancelled = token?.onCancellationRequested(() => linter.cancel(doc.uri));
    try {
      return await pending;
    } finally {
      cancelled?.dispose();
    }
  }

  function notifyProfile(uri: string, profile: Profile): void {
    if (lastProfile.get(uri) === profile) return;
    lastProfile.set(uri, profile);
    const params: ProfileParams = { uri, profile };
    void connection.sendNotification(PROFILE_NOTIFICATION, params);
  }

  // ------------------------------------------------------------------ push diagnostics

  async function validate(uri: string, reason: Reason): Promise<void> {
    try {
      const doc = docs.get(uri);
      if (!doc) return;
      const version = doc.version;
      const s = await settings.forDocument(uri);
      const current = docs.get(uri);
      // A newer version has its own run scheduled; never publish a result for an older text.
      if (!current || current.version !== version) return;
      if (reason === 'change' && s.run === 'onSave') return;
      if (!s.enable) {
        void connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return;
      }
      const outcome = await lintOutcomeOffThread(current, s);
      // Dropped, or finished after the document moved on: the newer version publishes its own.
      if (!outcome || docs.get(uri)?.version !== version) return;
      void connection.sendDiagnostics({ uri, version, diagnostics: outcome.lsp });
      notifyProfile(uri, outcome.profile);
    } catch (err) {
      logError('validation', err);
    }
  }

  function schedule(doc: TextDocument, reason: Reason): void {
    const length = doc.getText().length;
    const delay = reason === 'change' ? debounceDelay(length) : 0;
    debouncer.schedule(doc.uri, delay, () => void validate(doc.uri, reason));
    // In the wait just started (the debounce counts from before it).
    if (delay > 0) makeRoomFor(doc, 'before linting');
  }

  /** Off-thread lints allocate in the worker's heap, not this one: nothing to make room for. */
  function makeRoomFor(doc: TextDocument, when: string): void {
    const length = doc.getText().length;
    if (!options.makeRoom || linter?.wants(length)) return;
    const made = options.makeRoom(length);
    if (made) connection.tracer.log(`cable-lint: young generation collected ${when} ${doc.uri}: ${mb(made.room)} MB left, ${mb(made.expected)} MB expected`);
  }

  /**
   * A pulling client (VS Code) asks for a change's diagnostics the moment it sends the change:
   * there is no debounce to collect the young generation in. The pause before the user's next
   * keystroke is the idle time instead: once a pulled lint is answered, room is made for the
   * next one, unless a change came first (then its lint runs at once and a collection would only
   * delay it).
   */
  let roomAfterPull: ReturnType<typeof setTimeout> | undefined;
  function makeRoomAfterPull(doc: TextDocument): void {
    if (!options.makeRoom) return;
    clearTimeout(roomAfterPull);
    // After the answer is written: the reply goes out in a later turn of the event loop.
    roomAfterPull = setTimeout(() => {
      roomAfterPull = undefined;
      const current = docs.get(doc.uri);
      if (current?.version === doc.version) makeRoomFor(current, 'after answering a pull for');
    }, ROOM_AFTER_PULL_MS);
  }

  function revalidateAll(): void {
    heldReports.clear();
    if (pullDiagnostics) {
      if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of docs.all()) schedule(doc, 'settings');
  }

  docs.documents.onDidOpen((e) => opening.add(e.document.uri));
  docs.documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    clearTimeout(roomAfterPull);
    docs.changed(e.document);
    // A lint of the previous version under way off-thread is of no use any more.
    linter?.cancel(uri);
    const reason: Reason = opening.delete(uri) ? 'open' : 'change';
    if (!pullDiagnostics) schedule(e.document, reason);
    workspace.documentChanged(e.document);
  });
  docs.documents.onDidSave((e) => {
    heldReports.delete(e.document.uri);
    if (!pullDiagnostics) schedule(e.document, 'save');
    else if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
  });
  docs.documents.onDidClose((e) => {
    const uri = e.document.uri;
    debouncer.cancel(uri);
    linter?.cancel(uri);
    opening.delete(uri);
    lastProfile.delete(uri);
    heldReports.delete(uri);
    settings.forget(uri);
    workspace.documentClosed(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // ------------------------------------------------------------------ lifecycle

  connection.onInitialize((params): InitializeResult => {
    phase = 'running';
    capabilities = params.capabilities ?? {};
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    settings = new SettingsManager(connection, !!capabilities.workspace?.configuration, host);
    docsBase = ruleDocsCommandBase(params.initializationOptions) ?? host.workspace.ruleDocsBase;
    workspace.initialize(capabilities, params.workspaceFolders, params.rootUri);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: 'cable-lint' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        hoverProvider: true,
        // `(` opens a portion mark after a paragraph number; other completions come while typing words.
        completionProvider: { resolveProvider: false, triggerCharacters: ['('] },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        ...(capabilities.workspace?.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        inlayHintProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        executeCommandProvider: { commands: [NEW_DRAFT_CHOICES_COMMAND, NEW_DRAFT_SKELETON_COMMAND] },
        ...(pullDiagnostics
          ? { diagnosticProvider: { identifier: 'cable-lint', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'cable-lint' },
    };
  });

  /** Asks a client that can for the inlay hints again (their answer changed without an edit). */
  function refreshInlayHints(): void {
    if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cableLint' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        // Any JSON file, since a config may `extends` one of any name; only those read count.
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.json' }],
      });
    }
    // In the background: requests are answered meanwhile, from what is indexed so far. Once
    // indexed, the REF items' hints can name cables the index did not hold when they were asked.
    void workspace.start().then(refreshInlayHints);
  });

  connection.onDidChangeConfiguration((change) => {
    try {
      settings.didChangeConfiguration(change?.settings);
      workspace.didChangeConfiguration(change?.settings);
      revalidateAll();
      // A changed `cableLint.inlayHints` style shows without waiting for an edit.
      refreshInlayHints();
    } catch (err) {
      logError('didChangeConfiguration', err);
    }
  });

  connection.onDidChangeWatchedFiles((change) => {
    try {
      const changes: unknown = change?.changes;
      if (!Array.isArray(changes)) return;
      workspace.filesChanged(changes.filter((c): c is { uri: string; type: number } => typeof c?.uri === 'string' && typeof c?.type === 'number'));
      const concernsConfig = (uri: string) => uri.endsWith(`/${CONFIG_FILE_NAME}`) || settings.readsFrom(uri);
      if (!changes.some((c: { uri?: unknown } | null) => typeof c?.uri === 'string' && concernsConfig(c.uri))) return;
      settings.didChangeConfigFiles();
      revalidateAll();
    } catch (err) {
      logError('didChangeWatchedFiles', err);
    }
  });

  // ------------------------------------------------------------------ pull diagnostics

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> => {
    const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // The client asked to stop: it has no use for a retry either.
    const cancelledPull = () => new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.RequestCancelled, 'request cancelled', { retriggerRequest: false });
    try {
      const refused = outOfSession();
      if (refused) return new ResponseError<DiagnosticServerCancellationData>(refused.code, refused.message, { retriggerRequest: false });
      if (token?.isCancellationRequested) return cancelledPull();
      const uri = params?.textDocument?.uri;
      const doc = docs.get(uri);
      if (!doc) return empty;
      const s = await settings.forDocument(doc.uri);
      // The settings may have cost a round trip to the client, time enough to be cancelled.
      if (token?.isCancellationRequested) return cancelledPull();
      const current = docs.get(doc.uri);
      if (!current) return empty;
      const previous = params.previousResultId;
      if (!s.enable) return empty;
      if (s.run === 'onSave') {
        const held = heldReports.get(current.uri);
        if (held) {
          return held.resultId === previous
            ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: held.resultId }
            : { kind: DocumentDiagnosticReportKind.Full, resultId: held.resultId, items: held.items };
        }
      }
      const resultId = `${current.version}:${s.key}`;
      const linted = !docs.recall(current, lintKey(s));
      const outcome = await lintOutcomeOffThread(current, s, token);
      if (linted && outcome) makeRoomAfterPull(current);
      if (token?.isCancellationRequested) return cancelledPull();
      // Dropped for a newer version: the client asks again for that one.
      if (!outcome) return new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
      notifyProfile(current.uri, outcome.profile);
      if (s.run === 'onSave') heldReports.set(current.uri, { resultId, items: outcome.lsp });
      if (resultId === previous) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: outcome.lsp };
    } catch (err) {
      logError('textDocument/diagnostic', err);
      return empty;
    }
  });

  // ------------------------------------------------------------------ features

  /**
   * Wraps a feature handler: unknown documents, cancelled requests and errors all give the
   * empty answer, so a bad request never takes the server down.
   */
  function feature<P extends { textDocument?: { uri?: unknown } }, R, E>(
    name: string,
    empty: E,
    run: (doc: TextDocument, cable: Cable, params: P) => R,
  ): (params: P, token: CancellationToken) => R | E | ResponseError<void> {
    return (params, token) => {
      try {
        const refused = outOfSession();
        if (refused) return refused;
        // Handlers run to completion once started (the work is synchronous): a cancel that
        // arrived with the request is seen here, one that arrived meanwhile just below.
        if (token?.isCancellationRequested) return cancelled();
        const doc = docs.get(params?.textDocument?.uri);
        if (!doc) return empty;
        const result = run(doc, docs.cable(doc), params);
        if (token?.isCancellationRequested) return cancelled();
        return result ?? empty;
      } catch (err) {
        logError(name, err);
        return empty;
      }
    };
  }

  /** Like `feature`, for requests at a position; an out-of-range position gives the empty answer. */
  function atPosition<P extends { textDocument?: { uri?: unknown }; position?: unknown }, R, E>(
    name: string,
    empty: E,
    run: (cable: Cable, position: NonNullable<ReturnType<typeof toEnginePosition>>, params: P, doc: TextDocument) => R,
  ) {
    return feature<P, R | E, E>(name, empty, (doc, cable, params) => {
      const position = toEnginePosition(doc, params.position);
      return position ? run(cable, position, params, doc) : empty;
    });
  }

  connection.onDocumentSymbol(feature('documentSymbol', [], (_doc, cable) => documentSymbols(cable)));
  connection.onFoldingRanges(feature('foldingRange', [], (_doc, cable) => foldingRanges(cable)));
  connection.onSelectionRanges(
    feature('selectionRange', [], (doc, cable, params) => {
      const positions = Array.isArray(params.positions) ? params.positions.map((p) => toEnginePosition(doc, p)) : [];
      if (positions.some((p) => !p)) return [];
      return selectionRanges(cable, positions as NonNullable<(typeof positions)[number]>[]);
    }),
  );
  connection.onHover(
    atPosition('hover', null, (cable, position, _p, doc) => {
      const own = hover(cable, position, new Date());
      // On a REF item's citation of a cable in the workspace: what that cable is, then the item's own hover.
      const cited = citedCableHover(workspace.index, doc.uri, cable, position);
      if (!cited) return own;
      if (!own) return cited;
      const text = (h: typeof own) => (typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents));
      return { contents: { kind: 'markdown' as const, value: `${text(cited)}\n\n---\n\n${text(own)}` }, ...(cited.range ? { range: cited.range } : {}) };
    }),
  );
  connection.onCompletion(
    atPosition('completion', [], (cable, position) => {
      const items = completions(cable, position, new Date());
      // A client that takes no snippets would insert `${1|U,C|}` as it stands.
      return capabilities.textDocument?.completion?.completionItem?.snippetSupport ? items : withoutSnippets(items);
    }),
  );
  connection.onDefinition(
    atPosition('definition', null, (cable, position, _p, doc) => {
      // A REF item's citation of a cable in the workspace leads to that cable's file.
      const cited = citedCableDefinition(workspace.index, doc.uri, cable, position);
      if (cited) return cited;
      const range = definition(cable, position);
      return range ? { uri: doc.uri, range } : null;
    }),
  );
  connection.onReferences(
    atPosition('references', [], (cable, position, params, doc) => [
      ...references(cable, position, params.context?.includeDeclaration !== false).map((range) => ({ uri: doc.uri, range })),
      // On the banner: the cables of the workspace that cite this one ("cited by").
      ...citedByReferences(workspace.index, doc.uri, cable, position),
    ]),
  );
  connection.onDocumentHighlight(atPosition('documentHighlight', [], (cable, position) => documentHighlights(cable, position)));
  connection.onDocumentLinks(feature('documentLink', [], (doc, cable) => citationLinks(workspace.index, doc.uri, cable)));
  connection.onWorkspaceSymbol((params, token) => {
    const refused = outOfSession();
    if (refused) return refused;
    if (token?.isCancellationRequested) return cancelled();
    try {
      return workspaceSymbols(workspace.index, typeof params?.query === 'string' ? params.query : '');
    } catch (err) {
      logError('workspaceSymbol', err);
      return [];
    }
  });
  connection.onRequest(INDEX_STATUS, (): IndexStatus | ResponseError<void> => outOfSession() ?? { ...workspace.indexer.state, bytes: workspace.index.bytes, memory: workspace.indexer.memory });
  connection.languages.semanticTokens.on(feature('semanticTokens', { data: [] }, (_doc, cable) => ({ data: semanticTokens(cable) })));

  /**
   * Where the "ignore" actions of a request would write: only read (through the host) when the
   * client sent diagnostics of ours and takes quick fixes.
   */
  async function ignoreTargetFor(s: DocumentSettings, params: CodeActionParams): Promise<IgnoreTarget | undefined> {
    if (s.path === undefined) return undefined;
    const only = params.context?.only;
    if (only && !only.some((o) => CodeActionKind.QuickFix === o || CodeActionKind.QuickFix.startsWith(`${o}.`))) return undefined;
    if (!(params.context?.diagnostics ?? []).some((d) => d?.source === 'cable-lint')) return undefined;
    const configFile = targetConfigFile(s.configFile, s.path);
    const configUri = host.workspace.uriOf(configFile);
    let configText: string | undefined;
    try {
      configText = await host.files.readText(configUri);
    } catch {
      return undefined;
    }
    return { documentPath: s.path, configFile, configUri, configText };
  }

  /**
   * The preamble of a request that needs the document's settings (code actions, formatting, inlay
   * hints): outside the session refused, a cancelled request answered RequestCancelled, an unknown
   * document the empty answer, and an edit landing while the settings (or `run`'s own awaits) were
   * fetched the empty answer too: the request's range and diagnostics belong to the old text, and
   * the client asks again for the new version. Errors are logged and answered empty.
   */
  async function withSettledDocument<R, E>(
    name: string,
    params: { textDocument?: { uri?: unknown } } | null | undefined,
    token: CancellationToken | undefined,
    empty: E,
    run: (doc: TextDocument, s: DocumentSettings) => R | E | Promise<R | E>,
  ): Promise<R | E | ResponseError<void>> {
    try {
      const refused = outOfSession();
      if (refused) return refused;
      if (token?.isCancellationRequested) return cancelled();
      const doc = docs.get(params?.textDocument?.uri);
      if (!doc) return empty;
      // The store updates a document in place: the version asked at must be kept by value.
      const askedAt = doc.version;
      const s = await settings.forDocument(doc.uri);
      // The settings may have cost a round trip to the client, time enough to be cancelled.
      if (token?.isCancellationRequested) return cancelled();
      const current = docs.get(doc.uri);
      if (!current || current.version !== askedAt) return empty;
      const result = await run(current, s);
      if (token?.isCancellationRequested) return cancelled();
      if (docs.get(doc.uri)?.version !== askedAt) return empty;
      return result;
    } catch (err) {
      logError(name, err);
      return empty;
    }
  }

  connection.onCodeAction((params, token) =>
    withSettledDocument('codeAction', params, token, [], async (current, s) => {
      const outcome = s.enable ? lintOutcome(current, s) : { diagnostics: [] as Diagnostic[] };
      const ignoreTarget = await ignoreTargetFor(s, params);
      const resourceOps = capabilities.workspace?.workspaceEdit?.resourceOperations ?? [];
      return codeActions(params, {
        doc: current,
        cable: docs.cable(current),
        diagnostics: outcome.diagnostics,
        settings: s,
        renumber: () => docs.memo(current, 'renumber', (cable): TextEdit[] => renumberParagraphs(cable)),
        canCreateFiles: resourceOps.includes('create') && !!capabilities.workspace?.workspaceEdit?.documentChanges,
        ...(ignoreTarget ? { ignoreTarget } : {}),
        documentChanges: !!capabilities.workspace?.workspaceEdit?.documentChanges,
      });
    }),
  );

  /**
   * Format Document and Format Selection: whitespace only (service/format.ts), to CBL120's limit
   * under the document's settings; a published copy only with `cableLint.format.published`.
   */
  const formatting = (params: { textDocument?: { uri?: unknown }; range?: unknown }, token: CancellationToken, ranged: boolean) =>
    withSettledDocument(ranged ? 'rangeFormatting' : 'formatting', params, token, [], (current, s) => {
      let lines: { start: number; end: number } | undefined;
      if (ranged) {
        const range = toEngineRangeClamped(current, params.range);
        if (!range) return [];
        lines = { start: range.start.line, end: range.end.line };
      }
      const result = formatCable(docs.cable(current), { lint: { ...s.lint.options, now: new Date() }, force: s.formatPublished, ...(lines ? { lines } : {}) });
      if (result.skipped === 'published') connection.console.info(`cable-lint: ${current.uri} is a published copy: not formatted (cableLint.format.published formats it)`);
      return result.edits.map(toLspEdit);
    });
  connection.onDocumentFormatting((params, token) => formatting(params, token, false));
  connection.onDocumentRangeFormatting((params, token) => formatting(params, token, true));

  connection.languages.inlayHint.on((params, token) =>
    withSettledDocument('inlayHint', params, token, [], (current, s) => {
      const range = toEngineRangeClamped(current, params.range);
      if (!range) return [];
      const profile = s.lint.options.profile;
      return inlayHints(docs.cable(current), range, {
        settings: s.inlayHints,
        now: new Date(),
        ...(profile ? { profile } : {}),
        // After a REF item: the subject of the cited cable, when the workspace index holds it.
        citedSubject: citedSubjectOf(workspace.index, current.uri),
      });
    }),
  );

  // ------------------------------------------------------------------ workspace lint

  connection.onRequest(LINT_WORKSPACE_FILES, async (params: unknown, token: CancellationToken): Promise<FileDiagnostics[] | ResponseError<void>> => {
    const refused = outOfSession();
    if (refused) return refused;
    const uris = Array.isArray(params) ? params.filter((u): u is string => typeof u === 'string') : [];
    const out: FileDiagnostics[] = [];
    for (const uri of uris) {
      if (token?.isCancellationRequested) break;
      try {
        const open = docs.get(uri);
        if (!open && host.workspace.pathOf(uri) === undefined) {
          out.push({ uri, diagnostics: [], error: 'not a file URI' });
          continue;
        }
        const text = open ? open.getText() : await host.files.readCable(uri);
        const s = await settings.forDocument(uri);
        if (!s.enable) {
          out.push({ uri, diagnostics: [] });
          continue;
        }
        // An open document's lint is already memoised with its version; a closed file runs
        // the same job the worker runs.
        const outcome = open
          ? lintOutcome(open, s)
          : runLintJob({ uri, version: 0, text, settings: s.lint, now: new Date().toISOString(), docsBase });
        const diagnostics = outcome.lsp.map(({ data: _unused, ...rest }) => rest);
        out.push({ uri, diagnostics });
      } catch (err) {
        out.push({ uri, diagnostics: [], error: (err as Error)?.message ?? String(err) });
      }
    }
    return out;
  });

  // ------------------------------------------------------------------ commands

  connection.onExecuteCommand((params) => {
    const refused = outOfSession();
    if (refused) return refused;
    try {
      if (params?.command === NEW_DRAFT_CHOICES_COMMAND) return newDraftChoices(new Date());
      if (params?.command === NEW_DRAFT_SKELETON_COMMAND) {
        const answer = newDraft(params.arguments?.[0], new Date());
        return 'error' in answer ? new ResponseError(ErrorCodes.InvalidParams, answer.error) : answer.draft;
      }
      return new ResponseError(ErrorCodes.InvalidParams, `unknown command ${JSON.stringify(String(params?.command).slice(0, 80))}`);
    } catch (err) {
      logError('executeCommand', err);
      return new ResponseError(ErrorCodes.InternalError, 'the command failed; see the server log');
    }
  });

  connection.onShutdown(() => {
    phase = 'shutDown';
    debouncer.dispose();
    quiet?.dispose();
    linter?.dispose();
    workspace.dispose();
  });
  docs.listen(connection);
}
