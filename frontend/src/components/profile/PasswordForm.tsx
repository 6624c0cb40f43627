import { useForm } from "@inertiajs/react";
import { type FormEvent, useRef } from "react";
import Button from "../Button";
import Card from "../Card";
import FormTextField from "../FormTextField";
import HiddenUsername from "../HiddenUsername";
import SavedNote from "../SavedNote";

export default function PasswordForm() {
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);
  const form = useForm({ current_password: "", password: "", password_confirmation: "" });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.put("/profile/password", {
      preserveScroll: true,
      onSuccess: () => form.reset(),
      onError: (errors) => {
        if (errors.current_password) {
          form.reset("current_password");
          currentRef.current?.focus();
        } else if (errors.password) {
          form.reset("password", "password_confirmation");
          newRef.current?.focus();
        }
      },
    });
  }

  return (
    <Card title="Password" description="Use a long password that you do not use anywhere else.">
      <form onSubmit={submit} className="space-y-5" noValidate>
        <HiddenUsername />
        <FormTextField
          form={form}
          ref={currentRef}
          label="Current password"
          type="password"
          name="current_password"
          autoComplete="current-password"
          required
        />
        <FormTextField
          form={form}
          ref={newRef}
          label="New password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
        />
        <FormTextField
          form={form}
          label="Confirm new password"
          type="password"
          name="password_confirmation"
          autoComplete="new-password"
          required
        />
        <div className="flex items-center gap-4">
          <Button type="submit" busy={form.processing}>
            Update password
          </Button>
          <SavedNote show={form.recentlySuccessful} />
        </div>
      </form>
    </Card>
  );
}
