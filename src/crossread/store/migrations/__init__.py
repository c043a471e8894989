"""Numbered SQL migrations: ``NNNN_name.sql`` brings a database to schema version NNNN."""
