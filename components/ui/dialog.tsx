"use client";
// Radix Dialog owns focus trapping, Escape and aria; this wrapper only styles it.
import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

type DialogProps = { open: boolean; onOpenChange: (open: boolean) => void; title: string; description?: ReactNode; children: ReactNode };

export function Dialog({ open, onOpenChange, title, description, children }: DialogProps) {
  return (
    <DialogFrame open={open} onOpenChange={onOpenChange} className="w-[min(32rem,calc(100vw-2rem))] p-5">
      <DialogHeading title={title} description={description} />
      <div className="mt-4">{children}</div>
    </DialogFrame>
  );
}

/** Wide and scrollable, with a fixed heading: for long content such as golden-set items. */
export function WideDialog({ open, onOpenChange, title, description, children }: DialogProps) {
  return (
    <DialogFrame open={open} onOpenChange={onOpenChange} className="flex max-h-[calc(100vh-4rem)] w-[min(52rem,calc(100vw-2rem))] flex-col">
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <DialogHeading title={title} description={description} />
      </div>
      <div className="overflow-y-auto px-5 py-4">{children}</div>
    </DialogFrame>
  );
}

function DialogFrame({ open, onOpenChange, className, children }: { open: boolean; onOpenChange: (open: boolean) => void; className: string; children: ReactNode }) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <RadixDialog.Content className={`fixed left-1/2 top-1/2 z-50 -translate-x-1/2 -translate-y-1/2 rounded-lg border border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-900 ${className}`}>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

function DialogHeading({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <>
      <RadixDialog.Title className="text-base font-semibold">{title}</RadixDialog.Title>
      <RadixDialog.Description className={description ? "mt-1 text-sm text-zinc-500" : "sr-only"}>{description ?? title}</RadixDialog.Description>
    </>
  );
}
