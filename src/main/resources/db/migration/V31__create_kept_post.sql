-- A form sent after its session ended (or with a CSRF token that no longer matches), kept for a short time
-- so that the person who sent it finds it filled in after signing in again; never saved as what it was sent
-- for until they send it themselves. The key is random and is asked for only by the account named here.
CREATE TABLE kept_post (
    kept_key   varchar(64)  PRIMARY KEY,
    username   varchar(100) NOT NULL,
    path       varchar(300) NOT NULL,
    -- the form as sent, application/x-www-form-urlencoded, without its CSRF token
    parameters text         NOT NULL CHECK (length(parameters) <= 65536),
    kept_at    timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL
);

CREATE INDEX kept_post_owner_idx ON kept_post (username, path);
CREATE INDEX kept_post_expiry_idx ON kept_post (expires_at);

-- The secret with which the portal signs the forms it renders (offline.FormSeals): in the database, so that
-- every instance of a cluster, and an instance after a restart, knows the forms it rendered.
CREATE TABLE form_seal_key (
    id     smallint PRIMARY KEY CHECK (id = 1),
    secret bytea    NOT NULL CHECK (length(secret) = 32)
);
