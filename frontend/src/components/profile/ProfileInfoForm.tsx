import { useForm } from "@inertiajs/react";
import type { FormEvent } from "react";
import type { User } from "../../types";
import Button from "../Button";
import Card from "../Card";
import SavedNote from "../SavedNote";
import TextField from "../TextField";

export default function ProfileInfoForm({ user }: { user: User }) {
  const form = useForm({ name: user.name, email: user.email });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.patch("/profile", { preserveScroll: true });
  }

  return (
    <Card title="Profile information" description="Your name and the email address you log in with.">
      <form onSubmit={submit} className="space-y-5" noValidate>
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          value={form.data.name}
          onChange={(event) => form.setData("name", event.target.value)}
          error={form.errors.name}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={form.data.email}
          onChange={(event) => form.setData("email", event.target.value)}
          error={form.errors.email}
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
