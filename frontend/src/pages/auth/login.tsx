import { Head, useForm, usePage } from "@inertiajs/react";
import type { FormEvent, ReactNode } from "react";
import AuthHeading from "../../components/AuthHeading";
import Button from "../../components/Button";
import Checkbox from "../../components/Checkbox";
import FormTextField from "../../components/FormTextField";
import StatusMessage from "../../components/StatusMessage";
import TextLink from "../../components/TextLink";
import GuestLayout from "../../layouts/GuestLayout";

export default function Login({ status, next = "" }: { status?: string; next?: string }) {
  const { app } = usePage().props;
  // The page the person was sent here from (a shared link): the server follows it after
  // sign-in when it is on this site, and ignores it otherwise.
  const form = useForm({ email: "", password: "", remember: false, next });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.post("/login", { onFinish: () => form.reset("password") });
  }

  return (
    <>
      <Head title="Log in" />
      <AuthHeading title="Log in">Welcome back. Sign in to browse and download.</AuthHeading>
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
        <FormTextField
          form={form}
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
        />
        <div className="flex items-center justify-between gap-4">
          <Checkbox
            label="Remember me"
            name="remember"
            checked={form.data.remember}
            onChange={(event) => form.setData("remember", event.target.checked)}
          />
          <TextLink href="/forgot-password" className="text-sm">
            Forgot your password?
          </TextLink>
        </div>
        <Button type="submit" busy={form.processing} className="w-full">
          Log in
        </Button>
      </form>

      {app?.registrationOpen && (
        <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
          New here? <TextLink href="/register">Create an account</TextLink>
        </p>
      )}
    </>
  );
}

Login.layout = (page: ReactNode) => <GuestLayout>{page}</GuestLayout>;
