/* dip-schema.h — the project schema, one SQL script per version. Internal. */
#pragma once

/* migrations[v] takes a file from user_version v to v + 1. */
extern const char *const dip_schema_migrations[];
extern const int dip_schema_n_migrations;
