import { Head, useForm } from "@inertiajs/react";
import type { FormEvent, ReactNode } from "react";
import AuthHeading from "../../components/AuthHeading";
import Button from "../../components/Button";
import FormTextField from "../../components/FormTextField";
import StatusMessage from "../../components/StatusMessage";
import TextLink from "../../components/TextLink";
import GuestLayout from "../../layouts/GuestLayout";

export default function ForgotPassword({ status }: { status?: string }) {
  const form = useForm({ email: "" });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.post("/forgot-password");
  }

  return (
    <>
      <Head title="Forgot password" />
      <AuthHeading title="Forgot your password?">
        Enter your email and we will send you a link to choose a new one.
      </AuthHeading>
      <StatusMessage message={status} />

      <form onSubmit={submit} className="mt-4 space-y-5" noValidate>
        <FormTextField
          form={form}
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          autoFocus
        />
        <Button type="submit" busy={form.processing} className="w-full">
          Email me a reset link
        </Button>
      </form>

      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Remembered it? <TextLink href="/login">Back to log in</TextLink>
      </p>
    </>
  );
}

ForgotPassword.layout = (page: ReactNode) => <GuestLayout>{page}</GuestLayout>;
