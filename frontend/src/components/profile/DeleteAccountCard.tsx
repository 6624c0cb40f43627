import { useForm } from "@inertiajs/react";
import { useRef, useState } from "react";
import Button from "../Button";
import Card from "../Card";
import ConfirmDialog from "../ConfirmDialog";
import FormTextField from "../FormTextField";
import HiddenUsername from "../HiddenUsername";

export default function DeleteAccountCard() {
  const [confirming, setConfirming] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const form = useForm({ password: "" });

  function close() {
    setConfirming(false);
    form.reset();
    form.clearErrors();
  }

  function deleteAccount() {
    form.delete("/profile", {
      preserveScroll: true,
      onSuccess: close,
      onError: () => passwordRef.current?.focus(),
      onFinish: () => form.reset(),
    });
  }

  return (
    <Card
      tone="danger"
      title="Delete account"
      description="Permanently removes your account. This cannot be undone."
    >
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete account…
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Delete your account?"
        description="Your account will be removed for good. Enter your password to confirm."
        confirmLabel="Delete account"
        busy={form.processing}
        onConfirm={deleteAccount}
        onClose={close}
      >
        <HiddenUsername />
        <FormTextField
          form={form}
          ref={passwordRef}
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          autoFocus
        />
      </ConfirmDialog>
    </Card>
  );
}
