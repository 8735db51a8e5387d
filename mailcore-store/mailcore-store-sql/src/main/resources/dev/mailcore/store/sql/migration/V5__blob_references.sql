-- The orphan sweep asks which blob ids emails and queued messages refer to, across all accounts.
CREATE INDEX mc_email_blob ON mc_email (blob_id);
CREATE INDEX mc_queue_message_blob ON mc_queue_message (blob_id);
