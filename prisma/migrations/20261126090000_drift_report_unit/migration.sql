-- AlterTable
ALTER TABLE "drift_reports" ADD COLUMN     "unit" TEXT NOT NULL DEFAULT 'span';
