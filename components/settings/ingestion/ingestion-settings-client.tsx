"use client";
import { Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { useIngestSettingsQuery } from "@/lib/queries/ingest-settings/use-ingest-settings-query";
import { OriginsForm } from "./origins-form";
import { PiiSettingsForm } from "./pii-settings-form";
import { PriceOverridesForm } from "./price-overrides-form";

export function IngestionSettingsClient({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const settings = useIngestSettingsQuery(projectId);
  if (settings.isPending) return <Skeleton className="h-40 w-full" />;
  if (settings.isError) return <FieldError>{settings.error.message}</FieldError>;
  return (
    <>
      <PiiSettingsForm projectId={projectId} pii={settings.data.pii} canEdit={canEdit} />
      <OriginsForm projectId={projectId} origins={settings.data.feedbackOrigins} canEdit={canEdit} />
      <PriceOverridesForm projectId={projectId} overrides={settings.data.priceOverrides} canEdit={canEdit} />
    </>
  );
}
