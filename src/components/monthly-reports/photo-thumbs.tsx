import type { PhotoRef } from "@/server/photos/queries";

/** 形象进度 photos as thumbnails; each opens the full-size photo (a plain link, no script). */
export function PhotoThumbs({ photos, label, testId = "photos" }: { photos: PhotoRef[]; label: string; testId?: string }) {
  if (photos.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label={`${label}形象进度照片`} data-testid={testId}>
      {photos.map((p, i) => (
        <li key={p.id}>
          <a href={`/photos/${p.id}`} target="_blank" rel="noopener" className="block rounded border border-slate-200 hover:border-sky-600" title="查看原图">
            {/* eslint-disable-next-line @next/next/no-img-element -- a stored thumbnail behind the sign-in: next/image's optimizer would fetch it without the session and gains nothing */}
            <img
              src={`/photos/${p.id}/thumb`}
              width={p.thumbWidth}
              height={p.thumbHeight}
              loading="lazy"
              alt={`${label}照片${i + 1}（点击查看原图）`}
              className="h-20 w-auto max-w-[8rem] rounded object-cover sm:h-24"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
