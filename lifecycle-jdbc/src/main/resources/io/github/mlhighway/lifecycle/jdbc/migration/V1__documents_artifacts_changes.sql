-- Lifecycle's shared store, schema version 1.
-- Documents: one row per (collection, key), compare-and-set on revision; sha256 covers every other column (the
-- same seven lines as the directory store's envelope), so a row edited outside Lifecycle is refused on read.
CREATE TABLE lifecycle_documents (
    collection varchar(128) COLLATE "C" NOT NULL,
    doc_key    varchar(128) COLLATE "C" NOT NULL,
    revision   bigint NOT NULL CHECK (revision >= 1),
    written_at text NOT NULL,
    body       text NOT NULL,
    sha256     char(64) NOT NULL,
    PRIMARY KEY (collection, doc_key)
);

-- Every document change, in commit order: the cursor of the change feed (LISTEN/NOTIFY wakes readers up).
CREATE SEQUENCE lifecycle_change_seq;
CREATE TABLE lifecycle_changes (
    seq        bigint PRIMARY KEY,
    collection varchar(128) COLLATE "C" NOT NULL,
    doc_key    varchar(128) COLLATE "C" NOT NULL,
    revision   bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION lifecycle_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change_collection text;
    change_key        text;
    change_revision   bigint;
    change_seq        bigint;
BEGIN
    -- One writer at a time numbers its change, so sequence order is commit order and a reader that follows the
    -- cursor never skips a change that commits late. Document writes are single statements: held briefly.
    PERFORM pg_advisory_xact_lock(7283541902);
    IF TG_OP = 'DELETE' THEN
        change_collection := OLD.collection; change_key := OLD.doc_key; change_revision := 0;
    ELSE
        change_collection := NEW.collection; change_key := NEW.doc_key; change_revision := NEW.revision;
    END IF;
    change_seq := nextval('lifecycle_change_seq');
    INSERT INTO lifecycle_changes (seq, collection, doc_key, revision)
        VALUES (change_seq, change_collection, change_key, change_revision);
    PERFORM pg_notify('lifecycle_changes', change_seq || ' ' || change_collection || ' ' || change_key || ' '
        || change_revision);
    RETURN NULL;
END
$$;

CREATE TRIGGER lifecycle_documents_changed AFTER INSERT OR UPDATE OR DELETE ON lifecycle_documents
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_change();

-- Artifacts: content-addressed by SHA-256, bytes in 1 MiB chunks written in the same transaction as the row that
-- names them, so an interrupted upload leaves nothing behind.
CREATE SEQUENCE lifecycle_upload_seq;
CREATE TABLE lifecycle_artifacts (
    sha256      char(64) PRIMARY KEY,
    size        bigint NOT NULL CHECK (size >= 0),
    upload_id   bigint NOT NULL UNIQUE,
    chunk_count integer NOT NULL CHECK (chunk_count >= 0),
    stored_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE lifecycle_artifact_chunks (
    upload_id bigint NOT NULL,
    chunk_no  integer NOT NULL,
    data      bytea NOT NULL,
    PRIMARY KEY (upload_id, chunk_no)
);
-- Model weights do not compress: store the chunks out of line without trying.
ALTER TABLE lifecycle_artifact_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
