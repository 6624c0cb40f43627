import { type ReactNode, useId } from "react";

type PageSectionProps = { title: string; action?: ReactNode; children: ReactNode };

export default function PageSection({ title, action, children }: PageSectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-10 first:mt-0">
      <div className="mb-4 flex items-baseline justify-between gap-4">
        <h2 id={headingId} className="text-lg font-semibold text-zinc-900 dark:text-white">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
