// A short plain-text answer of the documents' download routes (not signed in, not published).
export function plainResponse(message: string, status: number): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
