-- Session resumption (docs/protocol.md, //resume): a token lets a client log in again without the password.
-- Only its SHA-256 is stored; a token works once and expires. Runs on H2 (MODE=MariaDB) and MariaDB alike.
CREATE TABLE resume_token (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_resume_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_resume_token_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_resume_token_account ON resume_token (account_id, expires_at);
