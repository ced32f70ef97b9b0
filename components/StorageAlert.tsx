/** A storage problem the popup and the side panel show instead of failing silently, with a way to restore when the store is damaged. */
export function StorageAlert({ error, onRestore }: { error: string | undefined; onRestore?: (() => void) | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" class="alert">
      {error}
      {onRestore && (
        <>
          {' '}
          <button type="button" class="link" onClick={onRestore}>
            Restore a backup
          </button>
        </>
      )}
    </p>
  );
}
