// The backup file around its entries: written compactly with a SHA-256 of the entries, and read back
// through lib/backup/reader.ts after that digest is checked. Backups without a digest (made before it
// existed) still restore. Pure apart from crypto.subtle, which every page, worker and Node has.
import { parseJson } from '../validation/document';
import type { ReadResult } from '../validation/problem';
import { MAX_BACKUP_BYTES, serialiseBackup, type Backup } from './backup';
import { readBackup } from './reader';

/** The field of the file that holds the digest: lowercase hex SHA-256 of the canonical entries. */
export const DIGEST_FIELD = 'entriesSha256';

/** What a restore says when the digest does not match: someone or something changed the file. */
export const CHANGED_OR_DAMAGED = 'This backup was changed or damaged. Nothing was changed.';

/**
 * The entries as one canonical JSON text, so that a digest does not depend on how the file was laid out:
 * no whitespace; object members sorted by key (UTF-16 code units, as Array.prototype.sort orders them),
 * members whose value is undefined left out; arrays in order; strings, numbers, booleans and null as
 * JSON.stringify writes them. The digest is SHA-256 over the UTF-8 bytes of this text.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      if (record[key] !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    }
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function entriesDigest(entries: unknown): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(entries)));
  return [...new Uint8Array(hash)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The text of the backup file: the backup, compact, with the digest of its entries last. */
export async function backupFileText(backup: Backup): Promise<string> {
  return serialiseBackup({ ...backup, [DIGEST_FIELD]: await entriesDigest(backup.entries) } as Backup);
}

/**
 * Backups of these store schemas hold the same file: the store layouts differ (schema 2 keeps one key per
 * pack's progress), but a backup keeps progress by pack in one object in both. Read as the newer one.
 */
const SAME_FILE_AS: Record<number, number> = { 1: 2 };

export type BackupFileResult = ReadResult<Backup> | { ok: false; changed: true };

/**
 * Reads a backup file: the digest, when there is one, must match its entries; then the restore reader
 * checks everything else. Never throws.
 */
export async function readBackupFile(text: string): Promise<BackupFileResult> {
  // Too large or not JSON: the reader says so in its own words.
  if (text.length * 3 > MAX_BACKUP_BYTES && new TextEncoder().encode(text).byteLength > MAX_BACKUP_BYTES) return readBackup(text);
  // Not JSON, or a key twice in one object: the reader says so in its own words.
  const parsed = parseJson(text);
  if (!parsed.ok) return readBackup(text);
  const file = parsed.value;
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return readBackup(file);
  const { [DIGEST_FIELD]: digest, ...backup } = file as Record<string, unknown>;
  if (Object.hasOwn(file, DIGEST_FIELD)) {
    try {
      if (digest !== (await entriesDigest(backup.entries))) return { ok: false, changed: true };
    } catch {
      return { ok: false, changed: true };
    }
  }
  if (typeof backup.schema === 'number' && Object.hasOwn(SAME_FILE_AS, backup.schema)) backup.schema = SAME_FILE_AS[backup.schema];
  return readBackup(backup);
}
