import { usePage } from "@inertiajs/react";
import { usePostAction } from "../../hooks/usePostAction";
import type { Aria2Info } from "../../types";
import Badge from "../Badge";
import Button from "../Button";
import Card from "../Card";
import Icon from "../Icon";
import StatusMessage from "../StatusMessage";

/** Where aria2 listens (set by the environment) and a way to check that it answers. */
export default function Aria2Card({ aria2 }: { aria2: Aria2Info }) {
  const errors = usePage().props.errors;
  const [testing, test] = usePostAction("/settings/aria2/test");

  return (
    <Card title="aria2" description="The download engine. Set with ARIA2_RPC_URL and ARIA2_RPC_SECRET; empty means Vodarr runs its own.">
      {errors.aria2 && <StatusMessage tone="error" message={errors.aria2} />}
      <dl className="mt-4 grid grid-cols-[auto_1fr] items-center gap-x-6 gap-y-3 text-sm">
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">RPC URL</dt>
        <dd className="min-w-0 font-mono text-xs break-all text-zinc-900 dark:text-zinc-100">
          {aria2.rpcUrl || <span className="font-sans text-sm text-zinc-600 dark:text-zinc-400">Not configured</span>}
        </dd>
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">Secret</dt>
        <dd>
          <Badge tone={aria2.hasSecret ? "success" : "warning"}>{aria2.hasSecret ? "Set" : "Not set"}</Badge>
        </dd>
      </dl>
      <Button variant="secondary" onClick={test} busy={testing} className="mt-5">
        {!testing && <Icon name="server" className="size-4" />}
        Test connection
      </Button>
    </Card>
  );
}
