import Notice from "./Notice";

/** Shown on a title's page when the provider did not answer and the page comes from the catalogue. */
export default function ProviderErrorNotice({ message }: { message: string }) {
  return (
    <Notice tone="warning" title="The provider is not answering right now" className="mb-6">
      {message} What you see comes from the last catalogue sync; downloads may fail until it is back.
    </Notice>
  );
}
