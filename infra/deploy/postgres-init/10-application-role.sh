#!/bin/sh
# The application role: may use the tables the owner creates, never bypasses row-level security.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE concord_app LOGIN PASSWORD '${CONCORD_APP_DB_PASSWORD}' NOSUPERUSER NOBYPASSRLS;
GRANT CONNECT ON DATABASE ${POSTGRES_DB} TO concord_app;
SQL
