-- Sign-in throttling, counted in one statement per attempt so that parallel attempts cannot overtake the count.
-- One row per client address, per typed username (whether or not such an account exists, so that the answers
-- tell nothing about which usernames do) and per creator trying usernames on the accounts page. An attempt is
-- counted before the password is checked and given back when it proves right; next_allowed_at is when the next
-- one may be tried. A row is forgotten an hour after its last attempt.
CREATE TABLE sign_in_throttle (
    kind            varchar(12)  NOT NULL CHECK (kind IN ('ADDRESS', 'USERNAME', 'NAME_CHECK')),
    key             varchar(100) NOT NULL,
    attempts        integer      NOT NULL CHECK (attempts >= 0),
    last_attempt_at timestamptz  NOT NULL,
    next_allowed_at timestamptz  NOT NULL,
    PRIMARY KEY (kind, key)
);

CREATE INDEX sign_in_throttle_last_attempt_idx ON sign_in_throttle (last_attempt_at);

-- The lock of an account now lives in sign_in_throttle, keyed by username.
ALTER TABLE app_user DROP COLUMN failed_attempts, DROP COLUMN locked_until;

-- A session remembers the generation of its account when it signed in, and is over once the account has moved
-- on: a password reset or a disabled account ends every session of the account, a changed password every other
-- one, in memory and in spring_session alike.
ALTER TABLE app_user ADD COLUMN session_generation integer NOT NULL DEFAULT 0;
