/** A quiet "Saved." beside a form's button after a successful submit. */
export default function SavedNote({ show }: { show: boolean }) {
  return (
    <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
      {show ? "Saved." : ""}
    </p>
  );
}
