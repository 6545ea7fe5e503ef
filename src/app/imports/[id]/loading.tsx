import { PageSkeleton } from "@/components/common/skeleton";

export default function Loading() {
  return <PageSkeleton what="导入预览" kind="list" />;
}
