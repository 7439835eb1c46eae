-- Who did which admin action, to what, and when (ban, unban, kick, broadcast, delete-channel, user changes).

CREATE TABLE audit_log (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    created_at DATETIME(6)   NOT NULL,
    actor      VARCHAR(32)   NOT NULL,
    action     VARCHAR(32)   NOT NULL,
    target     VARCHAR(64),
    detail     VARCHAR(1000)
);

CREATE INDEX ix_audit_log_created ON audit_log (created_at);
