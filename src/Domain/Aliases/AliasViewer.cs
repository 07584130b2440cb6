namespace AliasService.Domain.Aliases;

/// <summary>Who is looking at an alias; decides which secrets the view carries.</summary>
public enum AliasViewer
{
    /// <summary>Anyone allowed to read the alias who is neither owner nor host: no secrets.</summary>
    Public = 0,

    /// <summary>A holder of a valid alias token with <c>host: true</c>: sees the stream key.</summary>
    Host = 1,

    /// <summary>The owning organization: sees everything as stored.</summary>
    Owner = 2,
}
