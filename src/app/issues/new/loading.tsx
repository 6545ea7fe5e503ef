import { PageSkeleton } from "@/components/common/skeleton";

export default function Loading() {
  return <PageSkeleton what="登记问题" kind="form" />;
}
