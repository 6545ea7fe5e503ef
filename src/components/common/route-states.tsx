"use client";
// Shared error state of the pages (each route's error.tsx uses it; loading.tsx uses PageSkeleton from skeleton.tsx).
import { useEffect } from "react";
import { isGateMessage } from "@/lib/gate-messages";
import { TechDetails } from "@/components/common/tech-details";

export function ErrorState({ error, retry, what }: { error: Error & { digest?: string }; retry: () => void; what: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // a submission the server refused before reading it (too large, busy, signed out): say so
  if (isGateMessage(error.message)) {
    return (
      <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-950">
        <h1 className="text-lg font-semibold">提交未被接收</h1>
        <p className="mt-2 text-sm">{error.message}</p>
        <button
          type="button"
          onClick={() => retry()}
          className="mt-4 rounded bg-amber-700 px-4 py-2 text-sm font-medium text-white hover:bg-amber-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 focus-visible:ring-offset-2"
        >
          返回
        </button>
      </div>
    );
  }
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">暂时无法读取{what}</h1>
      <p className="mt-2 text-sm">数据库暂时无法连接或服务繁忙，页面数据没有读取成功。已保存的数据不受影响，请稍后点击“重试”；如果持续出现，请联系系统管理员检查数据库服务。</p>
      {error.digest && (
        <div className="mt-2">
          <TechDetails>错误编号（供系统管理员查日志）：{error.digest}</TechDetails>
        </div>
      )}
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500 focus-visible:ring-offset-2"
      >
        重试
      </button>
    </div>
  );
}
