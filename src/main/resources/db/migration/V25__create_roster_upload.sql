-- A roster file a commune chair uploaded, kept only between the upload and the import that follows its mapping
-- step (team.RosterUploads): one per user, deleted by the import, by the user's next upload, and within minutes of
-- expiring by a scheduled clean-up. Kept in the database so that every instance of the cluster profile finds it.
CREATE TABLE roster_upload (
    id          uuid PRIMARY KEY,
    owner_id    bigint       NOT NULL UNIQUE,
    commune_id  bigint       NOT NULL REFERENCES unit (id),
    file_name   varchar(255) NOT NULL,
    content     bytea        NOT NULL,
    uploaded_at timestamptz  NOT NULL
);

CREATE INDEX roster_upload_uploaded_at_idx ON roster_upload (uploaded_at);
