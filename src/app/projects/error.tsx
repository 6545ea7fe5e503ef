"use client";
import { ErrorState } from "@/components/common/route-states";

export default function Error({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorState error={error} retry={retry} what="项目库" />;
}
