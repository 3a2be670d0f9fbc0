import { type Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { Profile } from '../../../grammar/src/ast';
import { composeLintSettings, type LintSettings } from '../config/lint-settings';
import { describe, effectiveSettings, profileFrom, ruleIdFor, ruleSettingFrom } from '../config/settings';
import type { PublicationFindings, RuleSetting } from '../engine/lint';
import type { Host } from '../host/host';
import { referenceIdFromPath } from '../host/reference-id';
import { DEFAULT_INLAY_HINTS, INLAY_HINT_KINDS, type InlayHintSettings, type InlayHintStyle } from '../service/inlay-hints';

/** Everything the server needs to lint one document. */
export interface DocumentSettings {
  /** Changes whenever any input below may have changed: part of every cache key. */
  key: string;
  enable: boolean;
  run: 'onType' | 'onSave';
  /** What the engine runs under, composed as for the CLI (plain data, for the lint worker too). */
  lint: LintSettings;
  /** The document's path in the workspace, if it has one. */
  path?: string;
  /** The nearest existing `.cablelintrc.json`, if any. */
  configFile?: string;
  /** `cableLint.inlayHints.*`: a style per kind. */
  inlayHints: InlayHintSettings;
  /** `cableLint.format.published`: Format Document re-wraps published copies too. */
  formatPublished: boolean;
}

/** The client's `cableLint` section, validated. */
interface ClientSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  profile?: Profile;
  rules: Record<string, RuleSetting>;
  inlayHints: InlayHintSettings;
  publication: PublicationFindings;
  formatPublished: boolean;
}

const INLAY_HINT_STYLES: readonly InlayHintStyle[] = ['off', 'short', 'long'];

/**
 * Client settings (`workspace/configuration`, section `cableLint`, per document, or the last
 * didChangeConfiguration payload for clients without it) merged with the nearest
 * `.cablelintrc.json`, which wins where both name a rule or a profile. Both are cached until
 * the client reports a change; `key` changes with them. The configuration files come from the
 * host, the composition from config/ (the same as the CLI's).
 */
export class SettingsManager {
  private generation = 0;
  private readonly clientCache = new Map<string, Promise<ClientSettings>>();
  private pushed: unknown = undefined;
  /** Problems already reported to the user in this generation, so each shows once. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pullConfiguration: boolean,
    private readonly host: Host,
  ) {}

  didChangeConfiguration(settings: unknown): void {
    if (settings && typeof settings === 'object' && 'cableLint' in settings) this.pushed = (settings as { cableLint: unknown }).cableLint;
    this.clientCache.clear();
    this.reported.clear();
    this.generation++;
  }

  /** Whether a changed file is one the current configs were read from (a base they `extends`, say). */
  readsFrom(uri: string): boolean {
    return this.host.configuration.readsFrom(uri);
  }

  didChangeConfigFiles(): void {
    this.host.configuration.reload();
    this.reported.clear();
    this.generation++;
  }

  forget(uri: string): void {
    this.clientCache.delete(uri);
  }

  async forDocument(uri: string): Promise<DocumentSettings> {
    const client = await this.clientSettings(uri);
    const path = this.host.workspace.pathOf(uri);
    const { config, file, problem } = await this.host.configuration.forDocument(uri);
    if (problem !== undefined) this.report(problem);
    const referenceId = path !== undefined ? referenceIdFromPath(path) : undefined;
    const lint = composeLintSettings(effectiveSettings(config, {}, { ...(client.profile ? { profile: client.profile } : {}), rules: client.rules }), {
      ...(referenceId !== undefined ? { referenceId } : {}),
      ...(path !== undefined ? { path } : {}),
      publication: client.publication,
    });
    return {
      key: String(this.generation),
      enable: client.enable,
      run: client.run,
      lint,
      ...(path !== undefined ? { path } : {}),
      ...(file ? { configFile: file } : {}),
      inlayHints: client.inlayHints,
      formatPublished: client.formatPublished,
    };
  }

  private clientSettings(uri: string): Promise<ClientSettings> {
    if (!this.pullConfiguration) return Promise.resolve(this.validate(this.pushed));
    let p = this.clientCache.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'cableLint' }).then(
        (raw) => this.validate(raw),
        (err) => {
          this.connection.console.error(`cable-lint: could not read the settings: ${(err as Error)?.message ?? String(err)}`);
          return this.validate(undefined);
        },
      );
      this.clientCache.set(uri, p);
    }
    return p;
  }

  /** Keeps every valid part of the client settings; each invalid one is reported and skipped. */
  private validate(raw: unknown): ClientSettings {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const out: ClientSettings = {
      enable: r.enable !== false,
      run: r.run === 'onSave' ? 'onSave' : 'onType',
      rules: {},
      inlayHints: { ...DEFAULT_INLAY_HINTS },
      publication: 'fade',
      formatPublished: (r.format as { published?: unknown } | undefined)?.published === true,
    };
    const publication = r.publicationFindings;
    if (publication === 'show' || publication === 'fade' || publication === 'hide') out.publication = publication;
    else if (publication !== undefined) {
      this.report(`cableLint.publicationFindings: expected "fade", "show" or "hide", got ${JSON.stringify(publication)}`);
    }
    const hints = r.inlayHints;
    if (hints && typeof hints === 'object' && !Array.isArray(hints)) {
      for (const kind of INLAY_HINT_KINDS) {
        const value = (hints as Record<string, unknown>)[kind];
        if (value === undefined) continue;
        if (INLAY_HINT_STYLES.includes(value as InlayHintStyle)) out.inlayHints[kind] = value as InlayHintStyle;
        else this.report(`cableLint.inlayHints.${kind}: invalid style ${describe(value).slice(0, 40)} (expected ${INLAY_HINT_STYLES.join(', ')})`);
      }
    }
    if (r.profile !== undefined && r.profile !== 'auto') {
      try {
        out.profile = profileFrom(r.profile, 'cableLint.profile');
      } catch (err) {
        this.report((err as Error).message);
      }
    }
    if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
      for (const [key, value] of Object.entries(r.rules)) {
        try {
          out.rules[ruleIdFor(key, 'cableLint.rules')] = ruleSettingFrom(value, `cableLint.rules.${key}`);
        } catch (err) {
          this.report((err as Error).message);
        }
      }
    }
    return out;
  }

  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.connection.console.warn(`cable-lint: ${message}`);
    // A notification, not showMessageRequest: nothing waits for the user to dismiss it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `cable-lint: ${message}` });
  }
}
