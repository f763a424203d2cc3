import Link from "next/link";

const link = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

/** How to send the first trace: the OTLP endpoint and where keys and snippets live. For empty states. */
export function SendFirstTrace({ projectId, origin, hint }: { projectId: string; origin: string; hint?: string }) {
  return (
    <>
      <p>Send your first trace with any OpenTelemetry exporter or the Pharos SDK:</p>
      <pre className="mx-auto mt-3 max-w-xl overflow-x-auto rounded-md bg-zinc-900 p-3 text-left font-mono text-xs text-zinc-100">
        {`POST ${origin}/api/public/otel/v1/traces\nAuthorization: Bearer sk-…`}
      </pre>
      <p className="mt-3">
        Create a secret key under <Link href={`/project/${projectId}/settings/api-keys`} className={link}>API keys</Link> and find copy-paste snippets under{" "}
        <Link href={`/project/${projectId}/settings/ingestion`} className={link}>Ingestion settings</Link>.{hint ? ` ${hint}` : ""}
      </p>
    </>
  );
}
