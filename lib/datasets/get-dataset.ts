import { currentItemCounts, requireDataset, serializeDataset } from "./dataset-rows";

export async function getDataset(options: { projectId: string; datasetId: string }) {
  const { projectId, datasetId } = options;
  const dataset = await requireDataset({ projectId, datasetId });
  const counts = await currentItemCounts({ projectId, datasetIds: [datasetId] });
  return serializeDataset(dataset, counts.get(datasetId) ?? 0);
}
