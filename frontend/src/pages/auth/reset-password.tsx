import { Head, useForm } from "@inertiajs/react";
import type { FormEvent, ReactNode } from "react";
import AuthHeading from "../../components/AuthHeading";
import Button from "../../components/Button";
import FormTextField from "../../components/FormTextField";
import StatusMessage from "../../components/StatusMessage";
import TextField from "../../components/TextField";
import TextLink from "../../components/TextLink";
import GuestLayout from "../../layouts/GuestLayout";

type ResetPasswordProps = { token: string; uid: string; email: string };

export default function ResetPassword({ token, uid, email }: ResetPasswordProps) {
  const form = useForm({ token, uid, password: "", password_confirmation: "" });
  // A bad or expired link is reported against the hidden fields, so show it above the form.
  const linkError = form.errors.token ?? form.errors.uid;

  function submit(event: FormEvent) {
    event.preventDefault();
    form.post("/reset-password", { onFinish: () => form.reset("password", "password_confirmation") });
  }

  return (
    <>
      <Head title="Choose a new password" />
      <AuthHeading title="Choose a new password" />
      <StatusMessage tone="error" message={linkError} />
      {linkError && (
        <p className="mt-2 text-sm">
          <TextLink href="/forgot-password">Request a new link</TextLink>
        </p>
      )}

      <form onSubmit={submit} className="mt-4 space-y-5" noValidate>
        {/* Read-only, but present so password managers file the new password under it. */}
        <TextField label="Email" type="email" name="email" autoComplete="username" value={email} readOnly />
        <FormTextField
          form={form}
          label="New password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          autoFocus
        />
        <FormTextField
          form={form}
          label="Confirm new password"
          type="password"
          name="password_confirmation"
          autoComplete="new-password"
          required
        />
        <Button type="submit" busy={form.processing} className="w-full">
          Reset password
        </Button>
      </form>
    </>
  );
}

ResetPassword.layout = (page: ReactNode) => <GuestLayout>{page}</GuestLayout>;
