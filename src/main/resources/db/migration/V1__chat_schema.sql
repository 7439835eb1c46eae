-- One schema for H2 (MODE=MariaDB) and MariaDB. Names are compared through *_key columns (lower case).

CREATE TABLE account (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    username_key  VARCHAR(32)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(64)  NOT NULL,
    color         VARCHAR(7)   NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uk_account_username UNIQUE (username_key)
);

CREATE TABLE channel (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(50) NOT NULL,
    private_channel BOOLEAN     NOT NULL,
    owner           VARCHAR(32),
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT uk_channel_name UNIQUE (name)
);

CREATE TABLE channel_member (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel_id   BIGINT      NOT NULL,
    username     VARCHAR(32) NOT NULL,
    username_key VARCHAR(32) NOT NULL,
    kind         VARCHAR(10) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    CONSTRAINT uk_channel_member UNIQUE (channel_id, username_key),
    CONSTRAINT fk_channel_member_channel FOREIGN KEY (channel_id) REFERENCES channel (id) ON DELETE CASCADE
);

CREATE INDEX ix_channel_member_user ON channel_member (username_key);

CREATE SEQUENCE message_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE message (
    id         BIGINT        NOT NULL PRIMARY KEY,
    kind       VARCHAR(10)   NOT NULL,
    channel    VARCHAR(50),
    sender     VARCHAR(32)   NOT NULL,
    recipient  VARCHAR(32),
    color      VARCHAR(7),
    body       VARCHAR(4096) NOT NULL,
    created_at DATETIME(6)   NOT NULL
);

CREATE INDEX ix_message_channel ON message (kind, channel, id);

CREATE TABLE ban (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    username     VARCHAR(32)  NOT NULL,
    username_key VARCHAR(32)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    banned_by    VARCHAR(32)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6),
    CONSTRAINT uk_ban_username UNIQUE (username_key)
);
