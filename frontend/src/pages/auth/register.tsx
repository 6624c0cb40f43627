import { Head, useForm } from "@inertiajs/react";
import type { FormEvent, ReactNode } from "react";
import AuthHeading from "../../components/AuthHeading";
import Button from "../../components/Button";
import FormTextField from "../../components/FormTextField";
import StatusMessage from "../../components/StatusMessage";
import TextLink from "../../components/TextLink";
import GuestLayout from "../../layouts/GuestLayout";

export default function Register({ firstUser = false }: { firstUser?: boolean }) {
  const form = useForm({ name: "", email: "", password: "", password_confirmation: "" });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.post("/register", { onFinish: () => form.reset("password", "password_confirmation") });
  }

  return (
    <>
      <Head title="Create an account" />
      <AuthHeading title="Create an account" />
      {firstUser && (
        <div className="mb-4">
          <StatusMessage message="You are the first user: this account will be the administrator." />
        </div>
      )}

      <form onSubmit={submit} className="space-y-5" noValidate>
        <FormTextField
          form={form}
          label="Name"
          name="name"
          autoComplete="name"
          required
          autoFocus
        />
        <FormTextField
          form={form}
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
        />
        <FormTextField
          form={form}
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
        />
        <FormTextField
          form={form}
          label="Confirm password"
          type="password"
          name="password_confirmation"
          autoComplete="new-password"
          required
        />
        <Button type="submit" busy={form.processing} className="w-full">
          Create account
        </Button>
      </form>

      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already registered? <TextLink href="/login">Log in</TextLink>
      </p>
    </>
  );
}

Register.layout = (page: ReactNode) => <GuestLayout>{page}</GuestLayout>;
