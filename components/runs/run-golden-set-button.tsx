"use client";
import { Play } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { StartRunDialog } from "./start-run-dialog";

/** The golden set page's "Run" button: the Start run dialog with this set chosen. */
export function RunGoldenSetButton({ projectId, datasetId }: { projectId: string; datasetId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} title="Run a prompt over this golden set"><Play className="size-3.5" /> Run</Button>
      <StartRunDialog projectId={projectId} datasetId={datasetId} open={open} onOpenChange={setOpen} />
    </>
  );
}
