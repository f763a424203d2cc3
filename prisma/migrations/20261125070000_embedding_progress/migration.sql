-- CreateTable
CREATE TABLE "embedding_progress" (
    "project_id" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "complete_from" TIMESTAMPTZ(6) NOT NULL,
    "complete_before" TIMESTAMPTZ(6) NOT NULL,
    "swept_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "embedding_progress_pkey" PRIMARY KEY ("project_id","field","model")
);

