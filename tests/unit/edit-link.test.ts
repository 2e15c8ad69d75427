import { describe, expect, it } from 'vitest';
import { editBaseUrl, reportIssueUrl } from '../../src/lib/edit-link.ts';

describe('"Edit this page" address', () => {
  it('uses EDIT_BASE_URL when given', () => {
    expect(editBaseUrl({ EDIT_BASE_URL: 'https://git.example.com/kb/edit/main/', GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: 'https://github.com' })).toBe(
      'https://git.example.com/kb/edit/main/',
    );
  });

  it('points at the repository GitHub Actions builds, on the branch a pull request targets', () => {
    const actions = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/kb' };
    expect(editBaseUrl({ ...actions, GITHUB_REF_NAME: 'main' })).toBe('https://github.com/acme/kb/edit/main/');
    expect(editBaseUrl({ ...actions, GITHUB_REF_NAME: '12/merge', GITHUB_BASE_REF: 'main' })).toBe('https://github.com/acme/kb/edit/main/');
  });

  it('shows no link when the repository is unknown', () => {
    expect(editBaseUrl({})).toBeUndefined();
    expect(editBaseUrl({ GITHUB_REPOSITORY: 'acme/kb' })).toBeUndefined();
  });
});

describe('report an error', () => {
  it('opens the new-issue form of the repository the edit link names, with the page prefilled', () => {
    const url = reportIssueUrl('https://github.com/org/kb/edit/main/content/docs/articles/x.mdx', 'Erratum: x', 'https://kb.example.com/articles/x/');
    expect(url).toBe('https://github.com/org/kb/issues/new?title=Erratum%3A+x&body=https%3A%2F%2Fkb.example.com%2Farticles%2Fx%2F');
  });
  it('gives nothing when the edit link names no repository', () => {
    expect(reportIssueUrl('https://cms.example.com/pages/x', 't', 'u')).toBeUndefined();
  });
});
