-- The audit chain: each row commits (row_hash) to its content and to the row before it (prev_hash).
-- seq comes from audit_head, read under a row lock, so two writers cannot both append after the same row.
CREATE TABLE audit_entry (
    seq BIGINT PRIMARY KEY,
    recorded_at BIGINT NOT NULL,
    os_user VARCHAR(200) NOT NULL,
    action VARCHAR(100) NOT NULL,
    family VARCHAR(100) NOT NULL,
    serial VARCHAR(200) NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    error_code VARCHAR(100) NOT NULL,
    detail VARCHAR(2000) NOT NULL,
    prev_hash CHAR(64) NOT NULL,
    row_hash CHAR(64) NOT NULL
);
CREATE INDEX audit_entry_device ON audit_entry (family, serial);
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TABLE device (
    family VARCHAR(100) NOT NULL,
    serial VARCHAR(200) NOT NULL,
    driver VARCHAR(100) NOT NULL,
    firmware VARCHAR(200) NOT NULL,
    owner VARCHAR(200) NOT NULL,
    account VARCHAR(400) NOT NULL,
    state VARCHAR(20) NOT NULL,
    last_skew_ms BIGINT,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    PRIMARY KEY (family, serial)
);
