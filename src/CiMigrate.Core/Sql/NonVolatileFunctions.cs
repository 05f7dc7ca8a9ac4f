namespace CiMigrate.Sql;

/// <summary>
/// PostgreSQL 15's built-in functions that are not volatile and can be called without arguments, so a column
/// DEFAULT calling one of them is computed once and needs no table rewrite. Taken from the server itself:
/// <c>SELECT DISTINCT proname FROM pg_proc WHERE provolatile &lt;&gt; 'v' AND (pronargs = 0 OR pronargdefaults = pronargs)
/// AND pronamespace = 'pg_catalog'::regnamespace</c>. Any other function is assumed volatile, as Squawk assumes.
/// </summary>
static class NonVolatileFunctions
{
    static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "count", "cume_dist", "current_database", "current_schema", "current_user", "datemultirange", "dense_rank",
        "get_current_ts_config", "getdatabaseencoding", "getpgusername", "inet_client_addr", "inet_client_port",
        "inet_server_addr", "inet_server_port", "int4multirange", "int8multirange", "json_build_array",
        "json_build_object", "jsonb_build_array", "jsonb_build_object", "make_interval", "now", "nummultirange",
        "percent_rank", "pg_available_extension_versions", "pg_available_extensions", "pg_backend_pid",
        "pg_client_encoding", "pg_conf_load_time", "pg_config", "pg_current_snapshot", "pg_current_xact_id",
        "pg_current_xact_id_if_assigned", "pg_cursor", "pg_event_trigger_ddl_commands",
        "pg_event_trigger_dropped_objects", "pg_event_trigger_table_rewrite_oid",
        "pg_event_trigger_table_rewrite_reason", "pg_get_catalog_foreign_keys", "pg_get_keywords",
        "pg_get_replication_slots", "pg_listening_channels", "pg_my_temp_schema", "pg_postmaster_start_time",
        "pg_prepared_statement", "pg_show_all_settings", "pg_stat_get_archiver", "pg_stat_get_backend_idset",
        "pg_stat_get_bgwriter_buf_written_checkpoints", "pg_stat_get_bgwriter_buf_written_clean",
        "pg_stat_get_bgwriter_maxwritten_clean", "pg_stat_get_bgwriter_requested_checkpoints",
        "pg_stat_get_bgwriter_stat_reset_time", "pg_stat_get_bgwriter_timed_checkpoints", "pg_stat_get_buf_alloc",
        "pg_stat_get_buf_fsync_backend", "pg_stat_get_buf_written_backend", "pg_stat_get_checkpoint_sync_time",
        "pg_stat_get_checkpoint_write_time", "pg_stat_get_slru", "pg_stat_get_snapshot_timestamp", "pg_stat_get_wal",
        "pg_stat_get_wal_receiver", "pg_stat_get_wal_senders", "pg_timezone_abbrevs", "pg_timezone_names",
        "pg_trigger_depth", "pi", "rank", "row_number", "session_user", "statement_timestamp",
        "transaction_timestamp", "tsmultirange", "tstzmultirange", "txid_current", "txid_current_if_assigned",
        "txid_current_snapshot", "version"
    };

    /// <summary>Whether <c>name()</c>, called without arguments, is known not to be volatile.</summary>
    public static bool Contains(string name) => Names.Contains(name);
}
