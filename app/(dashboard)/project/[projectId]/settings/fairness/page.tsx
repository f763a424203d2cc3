import { CounterfactualTermsSettings } from "@/components/settings/counterfactual-terms-form";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Fairness terms" };

export default async function FairnessSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  return <CounterfactualTermsSettings projectId={projectId} canEdit={can(role, "suites:configure")} />;
}
