-- Blobs of SqlBlobStore. The bytes are cut into chunks of at most 256 KiB, so a read streams one chunk at a time and
-- a byte range fetches only the chunks it covers, with one portable binary type on both databases. A blob row names
-- the upload its chunks were written under; stored_at is microseconds since the epoch, the blob's last put.
CREATE TABLE mc_blob (
    blob_id CHAR(64) NOT NULL,
    upload_id CHAR(32) NOT NULL,
    blob_size BIGINT NOT NULL,
    stored_at BIGINT NOT NULL,
    CONSTRAINT mc_blob_pk PRIMARY KEY (blob_id)
);

CREATE TABLE mc_blob_chunk (
    upload_id CHAR(32) NOT NULL,
    chunk_no INTEGER NOT NULL,
    chunk BYTEA NOT NULL,
    CONSTRAINT mc_blob_chunk_pk PRIMARY KEY (upload_id, chunk_no)
);
