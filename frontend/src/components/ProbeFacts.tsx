import { probeFacts } from "../lib/probe";
import type { MediaProbe } from "../types";

type ProbeFactsProps = { probe: MediaProbe | null | undefined; className?: string };

/** What Vodarr found inside the downloaded file, once it was checked. */
export default function ProbeFacts({ probe, className }: ProbeFactsProps) {
  const facts = probeFacts(probe);
  if (facts.length === 0) return null;
  return (
    <p className={className ?? "text-xs text-zinc-600 dark:text-zinc-400"}>
      <span className="font-medium text-zinc-700 dark:text-zinc-300">Checked file: </span>
      {facts.join(" · ")}
    </p>
  );
}
