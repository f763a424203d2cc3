import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-2 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-zinc-500">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="text-sm text-indigo-600 hover:underline">
        Back to your projects
      </Link>
    </main>
  );
}
