-- //search (issue 15) on MariaDB: a full-text index over message bodies (MessageSearch uses MATCH ... AGAINST as
-- its prefilter). H2, the embedded default, has no such index: it scans the messages in the search's scope.
CREATE FULLTEXT INDEX ix_message_body ON message (body);
