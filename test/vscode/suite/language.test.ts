/**
 * Which files VS Code treats as cables: the manifest's extensions and first-line pattern, and a
 * workspace's files.associations (the seeds are .txt files).
 */
import assert from 'node:assert/strict';
import { open } from './helpers';

describe('the cable language', () => {
  it('is chosen by the .cable and .tel extensions', async () => {
    assert.equal((await open('valid-draft-unclassified.cable')).languageId, 'cable');
    assert.equal((await open('by-extension.tel')).languageId, 'cable');
  });

  it('is chosen by the first line for a file without an extension that starts with a banner', async () => {
    // by-first-line opens with "UNCLAS TALLINN 000214". (VS Code consults first lines only when
    // no extension decides: a .txt stays plain text unless files.associations says otherwise.)
    assert.equal((await open('by-first-line')).languageId, 'cable');
  });

  it('leaves other text alone', async () => {
    assert.equal((await open('notes.txt')).languageId, 'plaintext');
    assert.notEqual((await open('notes-no-extension')).languageId, 'cable');
  });

  it('follows files.associations for the seeds', async () => {
    assert.equal((await open('seed-000-dushanbe-50-partial-extract.txt')).languageId, 'cable');
    assert.equal((await open('seed-002-dushanbe-313-published.txt')).languageId, 'cable');
  });
});
