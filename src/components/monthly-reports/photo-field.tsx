"use client";
// The report form's 形象进度 photos: the current revision's photos (unticking one leaves it out
// of the new revision) and new files. Count and size are checked here before anything is sent;
// the server checks everything again (src/server/photos/process.ts).
import { useEffect, useRef, useState } from "react";
import { FieldErrors, inputClass } from "@/components/forms/field";
import type { PhotoRef } from "@/server/photos/queries";
import { PHOTO_MAX_BYTES as MAX_BYTES, PHOTO_MAX_COUNT as MAX_COUNT } from "@/lib/upload-limits";

export function PhotoField({ photos, errors }: { photos: PhotoRef[]; errors?: string[] }) {
  const [kept, setKept] = useState(photos.length);
  const [problem, setProblem] = useState<string | null>(null);
  const check = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    const big = files.filter((f) => f.size > MAX_BYTES).map((f) => `「${f.name}」`);
    const empty = files.filter((f) => f.size === 0).map((f) => `「${f.name}」`);
    let message: string | null = null;
    if (kept + files.length > MAX_COUNT) message = `每月最多${MAX_COUNT}张照片：已保留${kept}张，又选择了${files.length}张。`;
    else if (big.length) message = `${big.join("、")}超过每张 10 MB 的上限，请压缩后再选择。`;
    else if (empty.length) message = `${empty.join("、")}是空文件，请重新选择。`;
    setProblem(message);
    if (message) input.value = "";
  };
  // a file chosen while the page was still loading (a slow phone) is checked once the form is live
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current?.files?.length) check(input.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount: later choices go through onChange
  }, []);
  const shown = problem ? [problem] : errors;
  return (
    <fieldset className="space-y-2" aria-describedby="photos-hint">
      <legend className="text-sm font-medium text-slate-700">形象进度照片（选填，最多{MAX_COUNT}张）</legend>
      {photos.length > 0 && (
        <ul className="flex flex-wrap gap-3" data-testid="kept-photos">
          {photos.map((p, i) => (
            <li key={p.id} className="text-center text-xs text-slate-600">
              <a href={`/photos/${p.id}`} target="_blank" rel="noopener" className="block rounded border border-slate-200">
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored thumbnail behind the sign-in: next/image's optimizer would fetch it without the session and gains nothing */}
                <img
                  src={`/photos/${p.id}/thumb`}
                  width={p.thumbWidth}
                  height={p.thumbHeight}
                  alt={`已有照片${i + 1}（点击查看原图）`}
                  className="h-20 w-auto max-w-[8rem] rounded object-cover"
                />
              </a>
              <label className="mt-1 inline-flex items-center gap-1">
                <input type="checkbox" name="keepPhoto" value={p.id} defaultChecked onChange={(e) => setKept((n) => n + (e.target.checked ? 1 : -1))} />
                保留
              </label>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor="photos" className="block text-sm text-slate-700">
        添加照片
      </label>
      <input
        ref={input}
        id="photos"
        name="photos"
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp"
        onChange={(e) => check(e.currentTarget)}
        className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1`}
        aria-invalid={shown?.length ? true : undefined}
      />
      {!shown?.length && (
        <p id="photos-hint" className="text-xs text-slate-500">
          JPEG、PNG 或 WebP，每张不超过10 MB；保存时自动压缩，并去除拍摄位置等信息。
        </p>
      )}
      <FieldErrors name="photos" errors={shown} />
    </fieldset>
  );
}
