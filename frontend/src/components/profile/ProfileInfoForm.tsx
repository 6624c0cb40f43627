import { useForm } from "@inertiajs/react";
import type { FormEvent } from "react";
import type { User } from "../../types";
import Button from "../Button";
import Card from "../Card";
import FormTextField from "../FormTextField";
import SavedNote from "../SavedNote";

export default function ProfileInfoForm({ user }: { user: User }) {
  const form = useForm({ name: user.name, email: user.email });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.patch("/profile", { preserveScroll: true });
  }

  return (
    <Card title="Profile information" description="Your name and the email address you log in with.">
      <form onSubmit={submit} className="space-y-5" noValidate>
        <FormTextField
          form={form}
          label="Name"
          name="name"
          autoComplete="name"
          required
        />
        <FormTextField
          form={form}
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
        />
        <div className="flex items-center gap-4">
          <Button type="submit" busy={form.processing} disabled={!form.isDirty}>
            Save
          </Button>
          <SavedNote show={form.recentlySuccessful} />
        </div>
      </form>
    </Card>
  );
}
