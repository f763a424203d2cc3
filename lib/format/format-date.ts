// date-fns: locale-safe relative times without hand-rolled unit math.
import { format, formatDistanceToNowStrict } from "date-fns";
import type { Bucket } from "@/lib/schemas/metrics";

export function formatDateTime(value: string | Date): string {
  return format(new Date(value), "yyyy-MM-dd HH:mm:ss");
}

export function formatRelative(value: string | Date): string {
  return `${formatDistanceToNowStrict(new Date(value))} ago`;
}

/** Axis and tooltip label for a bucket start: time of day for sub-day buckets, the date for daily ones. */
export function formatBucketTime(time: number, bucket: Bucket, spansDays: boolean): string {
  if (bucket === "1d") return format(time, "MMM d");
  return spansDays ? format(time, "MMM d HH:mm") : format(time, "HH:mm");
}
