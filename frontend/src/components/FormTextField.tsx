import type { InertiaFormProps } from "@inertiajs/react";
import TextField, { type TextFieldProps } from "./TextField";

/** The keys of a form's data whose values are strings: the ones a text input can edit. */
type TextKeys<TForm> = { [K in keyof TForm]: TForm[K] extends string ? K : never }[keyof TForm] & string;

type FormTextFieldProps<TForm extends object, K extends TextKeys<TForm>> = Omit<
  TextFieldProps,
  "form" | "name" | "value" | "onChange" | "error"
> & {
  form: InertiaFormProps<TForm>;
  /** The form field this input edits; also the input's `name`. */
  name: K;
  /** Shown when the form has no error of its own for this field (e.g. one from another request). */
  fallbackError?: string;
};

/** A TextField bound to one field of an Inertia `useForm`: its value, its updates and its error. */
export default function FormTextField<TForm extends object, K extends TextKeys<TForm>>({
  form,
  name,
  fallbackError,
  ...field
}: FormTextFieldProps<TForm, K>) {
  // Inertia's types cannot follow a generic key through setData's overloads; `name` is a
  // top-level string field, so this is the key/value pair it expects.
  const setData = form.setData as unknown as (key: K, value: string) => void;
  const errors: Partial<Record<string, string>> = form.errors;

  return (
    <TextField
      {...field}
      name={name}
      value={form.data[name] as string}
      onChange={(event) => setData(name, event.target.value)}
      error={errors[name] ?? fallbackError}
    />
  );
}
