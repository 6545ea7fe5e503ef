import { Field, inputClass } from "./field";

/** A labelled county-park <select> named "parkId", with its errors. */
export function ParkSelect({
  id = "parkId",
  label,
  errors,
  defaultValue,
  parks,
  emptyLabel = "请选择",
}: {
  id?: string;
  label: string;
  errors?: string[];
  defaultValue?: string;
  parks: Array<{ id: number; name: string }>;
  emptyLabel?: string;
}) {
  const invalid = errors?.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};
  return (
    <Field name={id} label={label} errors={errors}>
      <select id={id} name="parkId" defaultValue={defaultValue ?? ""} className={inputClass} {...invalid}>
        <option value="">{emptyLabel}</option>
        {parks.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
