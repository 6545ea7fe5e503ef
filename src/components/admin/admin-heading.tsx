import Link from "next/link";

/** An administration page's top: the way back to 管理 and the page's title. */
export function AdminHeading({ title }: { title: React.ReactNode }) {
  return (
    <>
      <Link href="/admin" className="text-sm text-sky-700 hover:underline">
        ← 返回管理
      </Link>
      <h1 className="text-2xl font-semibold">{title}</h1>
    </>
  );
}
