// The two lines under an options section's controls: its problem (announced as an alert) and its
// status (announced politely; kept in the page, empty, so screen readers hear each new one).
export function SectionMessages({ problem, status }: { problem?: string; status: string }) {
  return (
    <>
      {problem && (
        <p role="alert" class="alert">
          {problem}
        </p>
      )}
      <p role="status" class="status">
        {status}
      </p>
    </>
  );
}
