/**
 * Where "Edit this page" links point: `EDIT_BASE_URL` when set, otherwise the repository GitHub
 * Actions is building (its own environment variables), otherwise nowhere: a guessed address
 * would send contributors to a page that does not exist.
 */
export function editBaseUrl(env: Record<string, string | undefined>): string | undefined {
  if (env.EDIT_BASE_URL) return env.EDIT_BASE_URL;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = env;
  if (!server || !repository) return undefined;
  // In a pull request GITHUB_REF_NAME is "<n>/merge"; edits belong on the branch it targets.
  const branch = env.GITHUB_BASE_REF || env.GITHUB_REF_NAME || 'main';
  return `${server}/${repository}/edit/${branch}/`;
}

/**
 * "Report an error" beside "Edit this page": the repository's new-issue form, prefilled with the
 * page's title and address, when the edit link names a repository (…/<owner>/<repo>/edit/<branch>/…).
 */
export function reportIssueUrl(editUrl: URL | string, title: string, pageUrl: string): string | undefined {
  const url = new URL(editUrl);
  const repository = /^(\/[^/]+\/[^/]+)\/edit\//.exec(url.pathname);
  if (!repository) return undefined;
  const issue = new URL(`${repository[1]}/issues/new`, url.origin);
  issue.searchParams.set('title', title);
  issue.searchParams.set('body', pageUrl);
  return issue.href;
}
