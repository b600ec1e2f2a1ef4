/**
 * Webhooks, for admins: subscribe a URL to events (the signing secret is shown once), stop a
 * subscription, and read each webhook's delivery log, with a "Redeliver" button per attempt.
 */
import { useCallback, useEffect, useState } from 'react';
import { del, errorFor, errorMessage, get, post } from '../api.ts';
import { ConfirmPending } from '../components/ConfirmPending.tsx';
import { AlertRegion, Field, focusLater } from '../components/Field.tsx';
import { CreateForm, StatusRegion } from '../components/FormParts.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { ResourceTable } from '../components/ResourceTable.tsx';
import { ShownOnce } from '../components/ShownOnce.tsx';
import { useAsyncList } from '../components/useAsyncList.ts';
import { useConfirmed } from '../components/useConfirmed.ts';
import { useFormSubmit } from '../components/useFormSubmit.ts';
import { useI18n } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import { WEBHOOK_EVENTS } from '../types.ts';
import type { Webhook, WebhookDelivery, WebhookEvent } from '../types.ts';

export const EVENT_KEYS: Record<WebhookEvent, MessageKey> = {
  'article.published': 'event_article_published',
  'article.updated': 'event_article_updated',
  'article.unpublished': 'event_article_unpublished',
  'correction.added': 'event_correction_added',
  'error_report.received': 'event_error_report_received',
};

const FORM_FIELDS = {
  name: 'webhook-name',
  url: 'webhook-url',
  events: 'webhook-event-0',
} as const;
type FormField = keyof typeof FORM_FIELDS;

/** `events[2]` and `events` are both about the events checkboxes. */
function formFieldOf(field: string | undefined): FormField | null {
  const key = field?.split(/[.[]/)[0];
  return key !== undefined && key in FORM_FIELDS ? (key as FormField) : null;
}

export function Webhooks() {
  const { t, formatDate } = useI18n();
  const {
    items: webhooks,
    error,
    setError,
    reload,
  } = useAsyncList('/webhooks', (result: { webhooks: Webhook[] }) => result.webhooks);
  const [status, setStatus] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [logFor, setLogFor] = useState<Webhook | null>(null);
  const deleting = useConfirmed(
    async (webhook: Webhook) => {
      await del(`/webhooks/${webhook.id}`);
      setStatus(t('webhookDeleted', { name: webhook.name }));
      if (logFor?.id === webhook.id) setLogFor(null);
      reload();
    },
    setError,
    () => setStatus(null),
  );

  return (
    <>
      <ScreenHeading title={t('webhooksTitle')} />
      <p>{t('webhooksIntro')}</p>
      <StatusRegion message={status} />
      <AlertRegion message={error} />

      <ResourceTable
        items={webhooks}
        empty={t('noWebhooks')}
        caption={t('webhooksTitle')}
        className="webhooks"
        columns={[
          t('colName'),
          t('webhookUrl'),
          t('webhookEvents'),
          t('colCreated'),
          t('colActions'),
        ]}
      >
        {(webhook) => (
          <tr key={webhook.id}>
            <td>{webhook.name}</td>
            <td className="mono break">{webhook.url}</td>
            <td>
              <ul className="plain-list">
                {webhook.events.map((event) => (
                  <li key={event} className="mono">
                    {event}
                  </li>
                ))}
              </ul>
            </td>
            <td>{formatDate(webhook.createdAt)}</td>
            <td>
              <div className="button-row">
                <button
                  type="button"
                  className="button small"
                  aria-pressed={logFor?.id === webhook.id}
                  onClick={() => {
                    setLogFor(webhook);
                    focusLater('deliveries-title');
                  }}
                >
                  {t('showDeliveries', { name: webhook.name })}
                </button>
                <button
                  type="button"
                  className="button small"
                  onClick={() => deleting.ask(webhook)}
                >
                  {t('deleteWebhook', { name: webhook.name })}
                </button>
              </div>
            </td>
          </tr>
        )}
      </ResourceTable>

      {logFor && <DeliveryLog key={logFor.id} webhook={logFor} />}

      {secret && (
        <ShownOnce
          id="webhook-secret"
          label={t('webhookSecretShown', { name: secret.name })}
          value={secret.value}
        />
      )}
      <CreateWebhookForm
        onCreated={(name, value) => {
          setStatus(t('webhookCreated', { name }));
          setSecret({ name, value });
          reload();
        }}
      />

      <ConfirmPending
        confirmed={deleting}
        title={(item) => t('deleteWebhook', { name: item.name })}
        message={(item) => t('deleteWebhookConfirm', { name: item.name })}
        confirmLabel={t('deleteConfirm')}
      />
    </>
  );
}

function CreateWebhookForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const { error, busy, submit } = useFormSubmit(
    async () => {
      const result = await post<{ id: number; secret: string }>('/webhooks', { name, url, events });
      onCreated(name, result.secret);
      setName('');
      setUrl('');
      setEvents([]);
    },
    (field) => {
      const key = formFieldOf(field);
      return key && FORM_FIELDS[key];
    },
  );

  const eventsError = formFieldOf(error?.field) === 'events' ? error?.message : undefined;
  const otherError =
    error && !formFieldOf(error.field) ? t('errorPrefix', { message: error.message }) : null;
  return (
    <CreateForm
      id="add-webhook-title"
      title={t('addWebhook')}
      busy={busy}
      otherError={otherError}
      onSubmit={(event) => void submit(event)}
    >
      <Field id={FORM_FIELDS.name} label={t('colName')} required error={errorFor(error, 'name')}>
        {(control) => (
          <input
            {...control}
            required
            maxLength={80}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <Field
        id={FORM_FIELDS.url}
        label={t('webhookUrl')}
        required
        help={t('webhookUrlHelp')}
        error={errorFor(error, 'url')}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            required
            autoComplete="off"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        )}
      </Field>
      <fieldset
        className="field"
        aria-describedby={eventsError ? 'webhook-events-error' : undefined}
      >
        <legend>
          {t('webhookEvents')} <span className="subtle">{t('required')}</span>
        </legend>
        <ul className="plain-list">
          {WEBHOOK_EVENTS.map((code, index) => (
            <li key={code}>
              <label className="checkbox">
                <input
                  id={`webhook-event-${index}`}
                  type="checkbox"
                  checked={events.includes(code)}
                  aria-invalid={eventsError ? true : undefined}
                  onChange={(event) =>
                    setEvents((current) =>
                      event.target.checked
                        ? [...current, code]
                        : current.filter((other) => other !== code),
                    )
                  }
                />
                <span>
                  <span className="mono">{code}</span>: {t(EVENT_KEYS[code])}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {eventsError && (
          <p className="error" id="webhook-events-error">
            {eventsError}
          </p>
        )}
      </fieldset>
    </CreateForm>
  );
}

function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const { t, formatDate } = useI18n();
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      get<{ deliveries: WebhookDelivery[] }>(`/webhooks/${webhook.id}/deliveries`, signal).then(
        (result) => {
          setDeliveries(result.deliveries);
          setError(null);
        },
        (caught: unknown) => {
          if (!signal?.aborted) setError(errorMessage(caught));
        },
      ),
    [webhook.id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  async function redeliver(delivery: WebhookDelivery) {
    setBusyId(delivery.id);
    setError(null);
    setStatus(null);
    try {
      await post(`/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`);
      setStatus(t('redeliveryQueued', { event: delivery.eventType }));
    } catch (caught) {
      setError(t('refused', { message: errorMessage(caught) }));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="card" aria-labelledby="deliveries-title">
      <div className="screen-header">
        <h2 id="deliveries-title" tabIndex={-1}>
          {t('deliveriesFor', { name: webhook.name })}
        </h2>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setStatus(null);
            void load().then(() => setStatus(t('deliveriesRefreshed')));
          }}
        >
          {t('refresh')}
        </button>
      </div>
      <StatusRegion message={status} />
      <AlertRegion message={error} />
      <ResourceTable
        items={deliveries}
        empty={t('noDeliveries')}
        caption={t('deliveriesFor', { name: webhook.name })}
        className="deliveries"
        columns={[
          t('colEvent'),
          t('colAttempt'),
          t('colResult'),
          t('colDuration'),
          t('colTime'),
          t('colActions'),
        ]}
      >
        {(delivery) => {
          const ok =
            delivery.statusCode !== null && delivery.statusCode >= 200 && delivery.statusCode < 300;
          return (
            <tr key={delivery.id}>
              <td className="mono">{delivery.eventType}</td>
              <td>{delivery.attempt}</td>
              <td className={ok ? 'delivery-ok' : 'delivery-failed'}>
                {delivery.statusCode !== null ? t('httpStatus', { code: delivery.statusCode }) : ''}
                {delivery.error && (
                  <>
                    {delivery.statusCode !== null && ' · '}
                    {delivery.error}
                  </>
                )}
              </td>
              <td>
                {delivery.durationMs === null ? '' : t('milliseconds', { ms: delivery.durationMs })}
              </td>
              <td>{formatDate(delivery.createdAt)}</td>
              <td>
                <button
                  type="button"
                  className="button small"
                  disabled={busyId === delivery.id}
                  onClick={() => void redeliver(delivery)}
                >
                  {t('redeliver')}
                  <span className="visually-hidden">
                    {' '}
                    {t('redeliverWhich', {
                      event: delivery.eventType,
                      date: formatDate(delivery.createdAt),
                    })}
                  </span>
                </button>
              </td>
            </tr>
          );
        }}
      </ResourceTable>
    </section>
  );
}
