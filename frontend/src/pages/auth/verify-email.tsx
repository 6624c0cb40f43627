import { Head, router, useForm, usePage } from "@inertiajs/react";
import type { FormEvent, ReactNode } from "react";
import AuthHeading from "../../components/AuthHeading";
import Button from "../../components/Button";
import Icon from "../../components/Icon";
import StatusMessage from "../../components/StatusMessage";
import GuestLayout from "../../layouts/GuestLayout";

// Laravel-style servers send a code rather than a sentence; accept both.
const STATUS_TEXT: Record<string, string> = {
  "verification-link-sent": "A new verification link has been sent to your email address.",
};

export default function VerifyEmail({ status }: { status?: string }) {
  const email = usePage().props.auth.user?.email;
  const form = useForm<{ email?: string }>({});

  function resend(event: FormEvent) {
    event.preventDefault();
    form.post("/email/verification-notification");
  }

  return (
    <>
      <Head title="Verify your email" />
      <div className="mb-4 grid size-12 place-items-center rounded-full bg-brand-50 text-brand-700 dark:bg-brand-500/15 dark:text-brand-300">
        <Icon name="mail" className="size-6" />
      </div>
      <AuthHeading title="Check your inbox">
        We sent a verification link to {email ? <strong className="font-semibold">{email}</strong> : "your email address"}.
        Open it to finish setting up your account. Nothing there? Look in your spam folder, or send
        another one.
      </AuthHeading>
      <StatusMessage message={status ? (STATUS_TEXT[status] ?? status) : undefined} />
      {form.errors.email && <StatusMessage tone="error" message={form.errors.email} />}

      <form onSubmit={resend} className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Button type="submit" busy={form.processing}>
          Resend verification email
        </Button>
        <Button variant="ghost" onClick={() => router.post("/logout")}>
          Log out
        </Button>
      </form>
    </>
  );
}

VerifyEmail.layout = (page: ReactNode) => <GuestLayout>{page}</GuestLayout>;
