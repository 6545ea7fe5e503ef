import { LoadingState } from "@/components/common/route-states";

export default function Loading() {
  return <LoadingState what="项目信息" />;
}
