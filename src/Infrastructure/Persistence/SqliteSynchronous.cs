namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// SQLite's <c>synchronous</c> level for the service's writes (<c>Database:SqliteSynchronous</c>), with WAL. Both keep
/// every acknowledged write through a crash or <c>kill -9</c> of the service: a commit is in the WAL file (in the
/// operating system's hands) before the answer is sent.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// The default. The WAL is flushed to the disk at checkpoints, not at every commit: a crash of the operating
    /// system or a power cut can roll back the last commits (never corrupt the file).
    /// </summary>
    Normal,

    /// <summary>Every commit is flushed to the disk before it is acknowledged: survives a power cut too, at one flush per write.</summary>
    Full,
}
