-- Identity follows the account, not the name (issue 14): channel ownership, memberships, invitations and
-- message authors refer to account ids; names are attributes of the account. Runs on H2 (MODE=MariaDB) and
-- MariaDB alike.

-- A deleted account stays as a tombstone (deleted_at set) that keeps its name, and names confusable with it,
-- reserved until an admin releases it (then username_key and skeleton become NULL).
ALTER TABLE account ADD COLUMN deleted_at DATETIME(6);
ALTER TABLE account ADD COLUMN skeleton VARCHAR(32);
ALTER TABLE account MODIFY username_key VARCHAR(32) NULL;

-- The confusable skeleton, the same rule as auth.Usernames.skeleton: upper-case I as l, lower case, then 1 as l,
-- 0 as o, rn as m, vv as w (REPLACE is case-sensitive on both databases).
UPDATE account SET skeleton = REPLACE(REPLACE(REPLACE(REPLACE(LOWER(REPLACE(username, 'I', 'l')), '1', 'l'), '0',
    'o'), 'rn', 'm'), 'vv', 'w');
-- Existing accounts that are already confusable with an older one keep working, without a skeleton of their own.
UPDATE account SET skeleton = NULL WHERE id IN (
    SELECT id FROM (SELECT b.id AS id FROM account a JOIN account b ON a.skeleton = b.skeleton AND a.id < b.id) later);
ALTER TABLE account ADD CONSTRAINT uk_account_skeleton UNIQUE (skeleton);

-- Channels: the owner by account id (NULL: the default channel, or an owner that no longer exists).
ALTER TABLE channel ADD COLUMN owner_id BIGINT;
UPDATE channel SET owner_id = (SELECT a.id FROM account a WHERE a.username_key = LOWER(channel.owner));
ALTER TABLE channel DROP COLUMN owner;

-- Memberships and invitations by account id; rows of accounts that no longer exist go.
ALTER TABLE channel_member ADD COLUMN account_id BIGINT;
UPDATE channel_member SET account_id = (SELECT a.id FROM account a WHERE a.username_key = channel_member.username_key);
DELETE FROM channel_member WHERE account_id IS NULL;
ALTER TABLE channel_member MODIFY account_id BIGINT NOT NULL;
-- the new unique key first: MariaDB's foreign key on channel_id needs one of them at every step
ALTER TABLE channel_member ADD CONSTRAINT uk_channel_member_account UNIQUE (channel_id, account_id);
ALTER TABLE channel_member DROP INDEX uk_channel_member;
ALTER TABLE channel_member DROP INDEX ix_channel_member_user;
ALTER TABLE channel_member DROP COLUMN username;
ALTER TABLE channel_member DROP COLUMN username_key;
CREATE INDEX ix_channel_member_account ON channel_member (account_id);

-- Messages keep the name as sent and gain the author's (and a DM recipient's) account id; NULL: an account
-- deleted before this migration, shown as deleted.
ALTER TABLE message ADD COLUMN sender_id BIGINT;
ALTER TABLE message ADD COLUMN recipient_id BIGINT;
UPDATE message SET sender_id = (SELECT a.id FROM account a WHERE a.username_key = LOWER(message.sender));
UPDATE message SET recipient_id = (SELECT a.id FROM account a WHERE a.username_key = LOWER(message.recipient))
    WHERE recipient IS NOT NULL;
