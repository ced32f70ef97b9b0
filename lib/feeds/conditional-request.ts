// Conditional requests: send back what the last answer said about its version, so an unchanged feed
// costs the server one short 304 answer and the extension nothing.

/** What a server said about the version it sent: its ETag and Last-Modified headers. */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

/** The headers of a request that asks for the document only if it changed since `validators`. */
export function conditionalHeaders(validators: FeedValidators): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
}

const MAX_VALIDATOR_LENGTH = 200;

/** The validators of an answer, from its headers (`get` is Headers.get); absent, empty or oversized values are dropped. */
export function validatorsOf(get: (name: string) => string | null): FeedValidators {
  const validators: FeedValidators = {};
  const etag = get('ETag')?.trim();
  const lastModified = get('Last-Modified')?.trim();
  if (etag && etag.length <= MAX_VALIDATOR_LENGTH) validators.etag = etag;
  if (lastModified && lastModified.length <= MAX_VALIDATOR_LENGTH) validators.lastModified = lastModified;
  return validators;
}
