import { usePage } from "@inertiajs/react";

/** Lets password managers tie a password-only form to the signed-in account. */
export default function HiddenUsername() {
  const email = usePage().props.auth.user?.email ?? "";
  return <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />;
}
