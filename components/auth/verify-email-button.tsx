"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/input";
import { apiFetch } from "@/lib/queries/query-client";

/** Spends the mailed token on a click (a POST), so link scanners that open the page spend nothing. */
export function VerifyEmailButton({ token, next }: { token: string; next: string }) {
  const [state, setState] = useState<{ pending: boolean; error: string | null; email: string | null }>({ pending: false, error: null, email: null });
  async function verify() {
    setState({ pending: true, error: null, email: null });
    try {
      const done = await apiFetch<{ email: string }>("/api/auth/verify-email", { method: "POST", json: { token } });
      setState({ pending: false, error: null, email: done.email });
    } catch (e) {
      setState({ pending: false, error: (e as Error).message, email: null });
    }
  }
  if (state.email) {
    return (
      <div className="space-y-3 text-sm text-zinc-600" role="status">
        <p>
          <strong>{state.email}</strong> is confirmed.
        </p>
        <Link className="text-indigo-600 hover:underline" href={`/sign-in?callbackUrl=${encodeURIComponent(next)}`}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <Button className="w-full" onClick={verify} disabled={state.pending}>
        {state.pending ? "Confirming…" : "Confirm my email address"}
      </Button>
      <FieldError>{state.error}</FieldError>
    </div>
  );
}
