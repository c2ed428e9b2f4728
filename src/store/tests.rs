//! Storage against real SQLite files.
