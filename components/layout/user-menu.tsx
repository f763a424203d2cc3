"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function UserMenu({ email, role }: { email: string; role: string }) {
  return (
    <div className="border-t border-zinc-200 px-2 pt-3 dark:border-zinc-800">
      <p className="truncate text-xs text-zinc-500" title={email}>
        {email}
      </p>
      <p className="mb-2 text-xs text-zinc-400">Role: {role}</p>
      <Button variant="ghost" size="sm" className="w-full justify-start" onClick={() => signOut({ callbackUrl: "/sign-in" })}>
        <LogOut className="h-3.5 w-3.5" /> Sign out
      </Button>
    </div>
  );
}
