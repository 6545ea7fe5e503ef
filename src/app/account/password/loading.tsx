import { PageSkeleton } from "@/components/common/skeleton";

export default function Loading() {
  return <PageSkeleton what="修改密码" kind="form" />;
}
