/** The article as readers will see it, from the server's preview route, in a frame or a tab. */
import { useState } from 'react';
import { API_BASE } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

export function PreviewPanel({
  articleId,
  beforeOpen,
}: {
  articleId: number;
  beforeOpen: () => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [stamp, setStamp] = useState<number | null>(null);
  const url = `${API_BASE}/articles/${articleId}/preview`;
  return (
    <section className="preview card" aria-labelledby="preview-title">
      <div className="screen-header">
        <h2 id="preview-title">{t('preview')}</h2>
        <div className="button-row">
          <button
            type="button"
            className="button secondary"
            aria-expanded={stamp !== null}
            aria-controls="preview-frame-wrap"
            onClick={async () => {
              if (stamp !== null) {
                setStamp(null);
                return;
              }
              await beforeOpen();
              setStamp(Date.now());
            }}
          >
            {stamp === null ? t('preview') : t('hidePreview')}
          </button>
          <a className="button secondary" href={url} target="_blank" rel="noopener">
            {t('openPreviewTab')}
          </a>
        </div>
      </div>
      <div id="preview-frame-wrap">
        {stamp !== null && (
          <iframe className="preview-frame" title={t('previewFrame')} src={`${url}?t=${stamp}`} />
        )}
      </div>
    </section>
  );
}
