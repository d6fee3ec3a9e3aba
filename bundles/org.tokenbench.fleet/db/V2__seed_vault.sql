-- The opt-in seed vault: one row of KDF parameters and a sealed check value, and one sealed seed per device.
CREATE TABLE vault_key (
    id INTEGER PRIMARY KEY,
    kdf VARCHAR(200) NOT NULL,
    salt VARCHAR(100) NOT NULL,
    check_nonce VARCHAR(100) NOT NULL,
    check_sealed VARCHAR(200) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE vault_seed (
    family VARCHAR(100) NOT NULL,
    serial VARCHAR(200) NOT NULL,
    nonce VARCHAR(100) NOT NULL,
    sealed VARCHAR(1000) NOT NULL,
    stored_at BIGINT NOT NULL,
    PRIMARY KEY (family, serial)
);
