import { PageSkeleton } from "@/components/common/skeleton";

export default function Loading() {
  return <PageSkeleton what="县区园区" kind="list" />;
}
