-- The client address an audited action came from: the chat connection's (the PROXY-protocol client when a trusted
-- proxy named one) or the HTTP request's. Nullable: older entries, and actions of the server itself, have none.
-- An added nullable column: a node of the previous version keeps writing entries (without it) during a rolling upgrade.

ALTER TABLE audit_log ADD COLUMN address VARCHAR(64);
