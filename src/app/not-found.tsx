import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold">页面不存在</h1>
      <p className="mt-2 text-sm text-slate-600">要找的项目或园区不存在，可能代码有误或已被删除。</p>
      <p className="mt-4 text-sm">
        <Link href="/overview" className="text-blue-700 hover:underline">
          返回概览
        </Link>{" "}
        ·{" "}
        <Link href="/projects" className="text-blue-700 hover:underline">
          项目库
        </Link>
      </p>
    </div>
  );
}
