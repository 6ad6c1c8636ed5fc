-- Spring Modulith's event publication registry (its JDBC schema, version 2, for PostgreSQL): an event published
-- in a transaction is stored with it, once per listener, and marked done when the listener has run, so that an
-- instance stopping between the commit and the listener leaves it to be run again at the next start. Flyway
-- creates it, as it does the rest of the schema; Spring Modulith's own schema initialisation stays off.
CREATE TABLE event_publication (
    id                     uuid                     NOT NULL PRIMARY KEY,
    listener_id            text                     NOT NULL,
    event_type             text                     NOT NULL,
    serialized_event       text                     NOT NULL,
    publication_date       timestamp with time zone NOT NULL,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);

CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
