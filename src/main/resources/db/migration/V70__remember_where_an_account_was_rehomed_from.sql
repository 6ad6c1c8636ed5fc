-- An account a reorganisation re-homed says so on the accounts page: the unit it was at, and from which day.
ALTER TABLE app_user
    ADD COLUMN rehomed_from bigint REFERENCES unit (id),
    ADD COLUMN rehomed_on   date;
