/**
 * Wire copy in: IPTC ninjs documents, from .json files or pasted, imported one by one through
 * the Admin API with the chosen options (publish, default section, edition), and a report of
 * what each did (created, updated or skipped, with the server's reasons and a link to the story).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, post, query } from '../api.ts';
import { AlertRegion, Field, LocaleOptions } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import { sectionName, useReferenceData } from '../reference-data.ts';
import type { Locale, NinjsImportReport, Section } from '../types.ts';

/** One document's outcome: the server's report, or why it did not get that far. */
interface ImportOutcome {
  source: string;
  report: NinjsImportReport | null;
  error: string | null;
}

/** The edition a document will land in: the one asked for, else its own language, else none. */
function editionOf(document: unknown, asked: Locale | ''): Locale | null {
  if (asked) return asked;
  const language =
    typeof document === 'object' && document !== null && 'language' in document
      ? String((document as { language: unknown }).language)
      : '';
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'es' ? primary : null;
}

/** The default section's slug in the document's edition (the API matches slugs per edition). */
function sectionSlug(section: Section | undefined, edition: Locale | null): string | undefined {
  if (!section) return undefined;
  return (section.translations[edition ?? 'en'] ?? section.translations.en)?.slug;
}

export function NinjsImport() {
  const { t, locale: uiLocale } = useI18n();
  const { data: refs } = useReferenceData();
  const [files, setFiles] = useState<File[]>([]);
  const [pasted, setPasted] = useState('');
  const [publish, setPublish] = useState(false);
  const [sectionId, setSectionId] = useState('');
  const [edition, setEdition] = useState<Locale | ''>('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);

  async function importOne(source: string, text: string): Promise<ImportOutcome> {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      return { source, report: null, error: t('notJson', { message: errorMessage(error) }) };
    }
    const section = refs?.sections.find((candidate) => String(candidate.id) === sectionId);
    const params = query({
      publish: publish ? 'true' : undefined,
      locale: edition || undefined,
      section: sectionSlug(section, editionOf(document, edition)),
    });
    try {
      const { import: report } = await post<{ import: NinjsImportReport }>(
        `/imports/ninjs${params}`,
        document,
      );
      return { source, report, error: null };
    } catch (error) {
      return { source, report: null, error: errorMessage(error) };
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (files.length === 0 && !pasted.trim()) {
      setFormError(t('importNothing'));
      document.getElementById('ninjs-files')?.focus();
      return;
    }
    setBusy(true);
    setOutcomes(null);
    const results: ImportOutcome[] = [];
    for (const file of files) results.push(await importOne(file.name, await file.text()));
    if (pasted.trim()) results.push(await importOne(t('pastedDocument'), pasted));
    setOutcomes(results);
    setBusy(false);
    if (results.every((outcome) => outcome.report)) {
      setFiles([]);
      setPasted('');
      setFileInputKey((n) => n + 1);
    }
    requestAnimationFrame(() => document.getElementById('import-report-title')?.focus());
  }

  return (
    <>
      <ScreenHeading title={t('importTitle')} />
      <p>{t('importIntro')}</p>
      <form className="card narrow-form" onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          id="ninjs-files"
          label={t('importFiles')}
          help={t('importFilesHelp')}
          invalid={formError !== null}
          describedBy={formError ? 'import-form-error' : undefined}
        >
          {(control) => (
            <input
              {...control}
              key={fileInputKey}
              type="file"
              accept=".json,application/json"
              multiple
              onChange={(event) => setFiles([...(event.target.files ?? [])])}
            />
          )}
        </Field>
        <Field id="ninjs-paste" label={t('importPaste')}>
          {(control) => (
            <textarea
              {...control}
              rows={6}
              className="mono"
              spellCheck={false}
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
            />
          )}
        </Field>
        <fieldset className="field">
          <legend>{t('importOptions')}</legend>
          <label className="checkbox">
            <input
              id="ninjs-publish"
              type="checkbox"
              checked={publish}
              onChange={(event) => setPublish(event.target.checked)}
            />
            <span>{t('importPublish')}</span>
          </label>
          <Field id="ninjs-section" label={t('importSection')} help={t('importSectionHelp')}>
            {(control) => (
              <select
                {...control}
                value={sectionId}
                onChange={(event) => setSectionId(event.target.value)}
              >
                <option value="">{t('importSectionAuto')}</option>
                {refs?.sections.map((section) => (
                  <option key={section.id} value={section.id}>
                    {sectionName(section, uiLocale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="ninjs-locale" label={t('importEdition')} help={t('importEditionHelp')}>
            {(control) => (
              <select
                {...control}
                value={edition}
                onChange={(event) => setEdition(event.target.value as Locale | '')}
              >
                <option value="">{t('importEditionAuto')}</option>
                <LocaleOptions />
              </select>
            )}
          </Field>
        </fieldset>
        <AlertRegion message={formError} id="import-form-error" />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('importing') : t('importDo')}
        </button>
      </form>

      {outcomes && <ImportReport outcomes={outcomes} />}
    </>
  );
}

function ImportReport({ outcomes }: { outcomes: ImportOutcome[] }) {
  const { t } = useI18n();
  const count = (result: NinjsImportReport['result']) =>
    outcomes.filter((outcome) => outcome.report?.result === result).length;
  const failed = outcomes.filter((outcome) => !outcome.report).length;
  return (
    <section className="card import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title" tabIndex={-1}>
        {t('importReport')}
      </h2>
      <p role="status">
        {t('importSummary', {
          created: count('created'),
          updated: count('updated'),
          skipped: count('skipped'),
          failed,
        })}
      </p>
      <ul className="plain-list report-list">
        {outcomes.map((outcome, index) => (
          <li key={index} className="card">
            <h3>
              {outcome.source}:{' '}
              <span className={`badge import-${outcome.report?.result ?? 'failed'}`}>
                {t(outcome.report ? `import_${outcome.report.result}` : 'import_failed')}
              </span>
            </h3>
            {outcome.error && <p className="error">{outcome.error}</p>}
            {outcome.report && (
              <>
                <p className="mono break">{outcome.report.uri}</p>
                {outcome.report.articleId !== null && (
                  <p>
                    <Link to={`/articles/${outcome.report.articleId}`}>
                      {t('openImported', {
                        id: outcome.report.articleId,
                        version: outcome.report.version ?? '?',
                      })}
                    </Link>
                  </p>
                )}
                {outcome.report.reasons.length > 0 && (
                  <>
                    <h4>{t('importReasons')}</h4>
                    {/* The server writes its reasons in English. */}
                    <ul lang="en">
                      {outcome.report.reasons.map((reason, at) => (
                        <li key={at}>{reason}</li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
