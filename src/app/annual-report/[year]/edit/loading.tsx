import { PageSkeleton } from "@/components/common/skeleton";

export default function Loading() {
  return <PageSkeleton what="报告文字" kind="form" />;
}
