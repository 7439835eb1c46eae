-- What chat users miss (issue 15).
--
-- Direct messages are never lost (issue 15): a DM stored while its recipient had no session is kept as not
-- delivered, handed over at the recipient's next login, then marked delivered. Existing rows count as delivered.
ALTER TABLE message ADD COLUMN delivered BOOLEAN DEFAULT TRUE NOT NULL;

-- //me (issue 15): a channel message that is an action ("* alice waves")
ALTER TABLE message ADD COLUMN action BOOLEAN DEFAULT FALSE NOT NULL;

-- //edit (issue 15): when a message was last edited (NULL: never); //unsend deletes the row
ALTER TABLE message ADD COLUMN edited_at DATETIME(6);

-- the login's question "anything waiting for me?"
CREATE INDEX ix_message_pending ON message (recipient_id, delivered);

-- a conversation's history, both directions
CREATE INDEX ix_message_conversation ON message (sender_id, recipient_id, id);

-- //mute (issue 15): a muted account can read but not send until expires_at (NULL: until //unmute)
CREATE TABLE mute (
    account_id BIGINT      NOT NULL PRIMARY KEY,
    muted_by   VARCHAR(32) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6)
);

-- //ignore (issue 15): whose messages and DMs an account does not want delivered
CREATE TABLE ignored_user (
    account_id BIGINT      NOT NULL,
    ignored_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_ignored_user PRIMARY KEY (account_id, ignored_id)
);
