"""One module per office job. Services take a Session (owned by the caller) and the Actor."""
