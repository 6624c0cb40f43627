import { useForm } from "@inertiajs/react";
import { type FormEvent, useRef } from "react";
import Button from "../Button";
import Card from "../Card";
import HiddenUsername from "../HiddenUsername";
import SavedNote from "../SavedNote";
import TextField from "../TextField";

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
        <TextField
          ref={currentRef}
          label="Current password"
          type="password"
          name="current_password"
          autoComplete="current-password"
          required
          value={form.data.current_password}
          onChange={(event) => form.setData("current_password", event.target.value)}
          error={form.errors.current_password}
        />
        <TextField
          ref={newRef}
          label="New password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={form.data.password}
          onChange={(event) => form.setData("password", event.target.value)}
          error={form.errors.password}
        />
        <TextField
          label="Confirm new password"
          type="password"
          name="password_confirmation"
          autoComplete="new-password"
          required
          value={form.data.password_confirmation}
          onChange={(event) => form.setData("password_confirmation", event.target.value)}
          error={form.errors.password_confirmation}
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
