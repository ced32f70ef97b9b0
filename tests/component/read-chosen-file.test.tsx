// Reading the file a Commander chose for a pack import or a restore.
import { describe, expect, it } from 'vitest';
import { NOT_TEXT, readChosenFile } from '../../entrypoints/options/read-chosen-file';

const file = (bytes: BlobPart[]) => new File(bytes, 'chosen.json');

describe('reading a chosen file', () => {
  it('gives the text of a UTF-8 file, accents included', async () => {
    expect(await readChosenFile(file(['{"title":"Défense"}']), 100, 'too large')).toEqual({ ok: true, text: '{"title":"Défense"}' });
  });

  it('refuses bytes that are not UTF-8 as not a text file', async () => {
    expect(await readChosenFile(file([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]), 100, 'too large')).toEqual({ ok: false, message: NOT_TEXT });
  });

  it('refuses a file holding NUL characters as not a text file', async () => {
    expect(await readChosenFile(file([new Uint8Array([0x7b, 0x00, 0x7d])]), 100, 'too large')).toEqual({ ok: false, message: NOT_TEXT });
  });

  it('refuses a file larger than the limit before reading it', async () => {
    expect(await readChosenFile(file(['12345']), 4, 'too large')).toEqual({ ok: false, message: 'too large' });
  });
});
