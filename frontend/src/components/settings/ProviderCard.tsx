import { useForm, usePage } from "@inertiajs/react";
import type { FormEvent } from "react";
import { usePostAction } from "../../hooks/usePostAction";
import type { ProviderSettingsProps } from "../../types";
import Badge from "../Badge";
import Button from "../Button";
import Card from "../Card";
import FormTextField from "../FormTextField";
import Icon from "../Icon";
import SavedNote from "../SavedNote";
import StatusMessage from "../StatusMessage";

const SOURCES: Record<string, string> = {
  database: "Saved on this page",
  environment: "From environment variables",
  demo: "Built-in demo provider",
  none: "Not configured",
};

/** The IPTV provider's address and account; the password never comes back from the server. */
export default function ProviderCard({ provider }: { provider: ProviderSettingsProps }) {
  const errors = usePage().props.errors;
  const [testing, test] = usePostAction("/settings/provider/test");
  const form = useForm({
    base_url: provider.baseUrl,
    username: provider.username,
    password: "",
    user_agent: provider.userAgent,
  });

  function save(event: FormEvent) {
    event.preventDefault();
    form.patch("/settings/provider", { preserveScroll: true, onSuccess: () => form.reset("password") });
  }

  return (
    <Card
      title="Provider"
      description={
        <span className="flex flex-wrap items-center gap-2">
          The Xtream Codes service your household subscribes to.
          <Badge tone={provider.source === "none" ? "warning" : "neutral"}>
            {SOURCES[provider.source] ?? provider.source}
          </Badge>
        </span>
      }
    >
      {errors.provider && <StatusMessage tone="error" message={errors.provider} />}
      <form onSubmit={save} className="mt-4 space-y-5" noValidate>
        <FormTextField
          form={form}
          label="Server URL"
          name="base_url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="http://provider.example:8080"
          required
          fallbackError={errors.base_url}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <FormTextField
            form={form}
            label="Username"
            name="username"
            autoComplete="off"
            required
            fallbackError={errors.username}
          />
          <FormTextField
            form={form}
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            placeholder={provider.hasPassword ? "••••••••" : ""}
            hint={provider.hasPassword ? "A password is saved. Leave empty to keep it." : "The password the provider gave you."}
            fallbackError={errors.password}
          />
        </div>
        <FormTextField
          form={form}
          label="User agent"
          name="user_agent"
          autoComplete="off"
          hint="Some providers only answer particular players. Leave as is unless yours asks for one."
          fallbackError={errors.user_agent}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" busy={form.processing}>
            Save
          </Button>
          <Button variant="secondary" onClick={test} busy={testing} disabled={form.processing}>
            {!testing && <Icon name="plug" className="size-4" />}
            Test connection
          </Button>
          <SavedNote show={form.recentlySuccessful} />
        </div>
        {form.isDirty && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Test connection checks the saved settings; save first.</p>
        )}
      </form>
    </Card>
  );
}
