import { db } from "../db";
import { currentItemCounts, serializeDataset } from "./dataset-rows";

/** Datasets of the project with how many items each holds now. */
export async function listDatasets(options: { projectId: string }) {
  const { projectId } = options;
  const [datasets, counts] = await Promise.all([
    db.dataset.findMany({ where: { projectId }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }] }),
    currentItemCounts({ projectId }),
  ]);
  return datasets.map((d) => serializeDataset(d, counts.get(d.id) ?? 0));
}
