export function AccessDenied({ role, what }: { role: string; what: string }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-6 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
      <p className="font-medium">No access</p>
      <p className="mt-1">Your role ({role}) cannot open {what}. Ask a project admin if you need it.</p>
    </div>
  );
}
