-- Channels people can understand, invitations you can see and undo (issue 15, parts 3 and 4).

-- //topic: a channel's topic (NULL: none), set by its owner, its moderators or an admin
ALTER TABLE channel ADD COLUMN topic VARCHAR(300);

-- //op, //deop: a member who may invite, remove, uninvite and set the topic (never delete or give the channel)
ALTER TABLE channel_member ADD COLUMN moderator BOOLEAN DEFAULT FALSE NOT NULL;

-- who invited (an invitation's row; NULL for memberships and for invitations made before this column)
ALTER TABLE channel_member ADD COLUMN invited_by BIGINT;

-- //notify on: the accounts that want a notice when someone they share a channel with comes online or goes
-- offline (absent: off, the default)
CREATE TABLE presence_notice (
    account_id BIGINT      NOT NULL PRIMARY KEY,
    created_at DATETIME(6) NOT NULL
);

-- mentions (issue 15, part 5): the names a channel message mentions with @name, space-separated (NULL: none),
-- resolved once when it is sent, so history shows what the live message carried
ALTER TABLE message ADD COLUMN mentions VARCHAR(400);

-- read markers (issue 15, part 2): the newest channel message an account has read, per channel; written when its
-- last session ends (everything delivered live counts as read), by //history and by //read, never per message
CREATE TABLE read_marker (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id   BIGINT      NOT NULL,
    channel      VARCHAR(50) NOT NULL,
    last_read_id BIGINT      NOT NULL,
    CONSTRAINT uk_read_marker UNIQUE (account_id, channel)
);
