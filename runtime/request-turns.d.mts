export type RequestTurns = {
  readonly active: number;
  readonly waiting: number;
  admit(req: { url?: string }, res: { once(event: "close", listener: () => void): unknown }, run: () => void): void;
};
export function requestTurns(max: number): RequestTurns;
