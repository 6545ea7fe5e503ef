// One amount in a grid of them (倒排工期's months, 资金计划's sources): a plain label over an input
// in 万元 (a phone shows its decimal keypad), its errors under it.
import { FieldErrors, inputClass } from "./field";
import { invalidProps } from "./conflict";

export function AmountField({ name, label, value, errors }: { name: string; label: React.ReactNode; value: string; errors: Record<string, string[] | undefined> }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm text-slate-700">
        {label}
      </label>
      <input id={name} name={name} inputMode="decimal" defaultValue={value} className={inputClass} {...invalidProps(errors, name)} />
      <FieldErrors name={name} errors={errors[name]} />
    </div>
  );
}
