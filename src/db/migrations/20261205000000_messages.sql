-- Talking with customers. case_messages becomes the outbox and the written record at once: a message
-- out is queued (or held for the customer's daytime) in the transaction of the event it answers,
-- and the sender job moves it to sent or failed; a message in keeps its mail headers for threading,
-- its language and intent. Templates the store edited, per language, override the shipped ones.
ALTER TABLE case_messages ADD COLUMN status text NOT NULL DEFAULT 'sent'
  CHECK (status IN ('queued', 'held', 'sent', 'failed'));
ALTER TABLE case_messages ADD COLUMN timing text CHECK (timing IN ('direct', 'proactive'));
ALTER TABLE case_messages ADD COLUMN send_after timestamptz;
ALTER TABLE case_messages ADD COLUMN subject text;
ALTER TABLE case_messages ADD COLUMN template text;
ALTER TABLE case_messages ADD COLUMN language text;
ALTER TABLE case_messages ADD COLUMN intent text;
ALTER TABLE case_messages ADD COLUMN to_address text;
ALTER TABLE case_messages ADD COLUMN from_address text;
-- the RFC 5322 Message-ID: ours for mail out (the per-message idempotency key), the sender's for mail in
ALTER TABLE case_messages ADD COLUMN message_id text;
ALTER TABLE case_messages ADD COLUMN in_reply_to text;
ALTER TABLE case_messages ADD COLUMN reference_ids text[] NOT NULL DEFAULT '{}';
-- the link the message carries (the customer's portal page, the survey), signed when it is sent
ALTER TABLE case_messages ADD COLUMN action jsonb;
ALTER TABLE case_messages ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
ALTER TABLE case_messages ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE case_messages ADD COLUMN send_started_at timestamptz;
ALTER TABLE case_messages ADD COLUMN sent_at timestamptz;
ALTER TABLE case_messages ADD COLUMN last_error text;
-- an inbound message nobody on the team has opened yet
ALTER TABLE case_messages ADD COLUMN read_at timestamptz;
CREATE UNIQUE INDEX case_messages_message_id ON case_messages (store_id, message_id)
  WHERE message_id IS NOT NULL;
CREATE INDEX case_messages_outbox ON case_messages (store_id, status, at)
  WHERE direction = 'out';
CREATE INDEX case_messages_unread ON case_messages (store_id, case_id)
  WHERE direction = 'in' AND read_at IS NULL;

CREATE TABLE message_templates (
  store_id uuid NOT NULL REFERENCES stores(id),
  key text NOT NULL,
  language text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, key, language)
);

-- when proactive news may go (customer's local daytime), quiet days, the reply address
ALTER TABLE stores ADD COLUMN notification_settings jsonb NOT NULL DEFAULT '{}';
ALTER TABLE customers ADD COLUMN unsubscribed_at timestamptz;

-- how soon a case needs a person: a complaint or a damaged item before a question
ALTER TABLE cases ADD COLUMN priority text NOT NULL DEFAULT 'normal'
  CHECK (priority IN ('low', 'normal', 'high', 'urgent'));

-- News about an order that no case is about (tracking milestones) is a message of the order.
ALTER TABLE case_messages ADD COLUMN order_id uuid;
UPDATE case_messages m SET order_id = c.order_id FROM cases c WHERE c.id = m.case_id;
ALTER TABLE case_messages ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE case_messages ADD CONSTRAINT case_messages_about CHECK (case_id IS NOT NULL OR order_id IS NOT NULL);
CREATE INDEX case_messages_order ON case_messages (store_id, order_id, at);

-- Where each parcel is: the last milestone and every carrier event seen (see src/domain/tracking)
ALTER TABLE fulfillments ADD COLUMN milestone text;
ALTER TABLE fulfillments ADD COLUMN milestone_at timestamptz;
ALTER TABLE fulfillments ADD COLUMN tracking_events jsonb NOT NULL DEFAULT '[]';

-- Satisfaction: one survey per case, sent some days after it was resolved, answered through the
-- portal (1-5 and a comment); a low score opens a case for the team.
CREATE TABLE surveys (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  order_id uuid NOT NULL,
  kind text NOT NULL,
  -- who worked the case, for CSAT by agent
  agent_user_id uuid,
  score integer CHECK (score BETWEEN 1 AND 5),
  comment text,
  language text,
  follow_up_case_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  UNIQUE (store_id, case_id)
);
CREATE INDEX surveys_answered ON surveys (store_id, answered_at) WHERE answered_at IS NOT NULL;

-- Reviews from the store's platforms (API or CSV), linked to their orders; a low one gets a drafted
-- reply in the customer's language, a recovery offer within the policy's goodwill, and a case.
CREATE TABLE reviews (
  store_id uuid NOT NULL REFERENCES stores(id),
  id uuid PRIMARY KEY,
  source text NOT NULL,
  external_id text NOT NULL,
  order_id uuid,
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  title text,
  body text,
  language text,
  reviewed_at timestamptz NOT NULL,
  draft_reply text,
  recovery_offer jsonb,
  case_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, source, external_id)
);
CREATE INDEX reviews_score ON reviews (store_id, score, reviewed_at);
