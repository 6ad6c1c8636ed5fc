-- The language a user reads the portal's messages in outside the portal (e-mail, Web Push, the SMS gateway);
-- none chosen means Vietnamese.
ALTER TABLE app_user ADD COLUMN language varchar(5) CHECK (language IN ('vi', 'en'));
