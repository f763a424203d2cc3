-- AlterTable
ALTER TABLE "project_settings" ADD COLUMN     "counterfactual_terms" JSONB;
