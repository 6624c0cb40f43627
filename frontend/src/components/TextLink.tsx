import { Link } from "@inertiajs/react";
import type { ComponentProps } from "react";
import { cx, textLinkClasses } from "../lib/ui";

export default function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={cx(textLinkClasses, className)} {...props} />;
}
