namespace AliasService.Application.Aliases.Queries.RetrieveAlias;

/// <summary>How a public retrieval ended: 200, 404, 410 or 401.</summary>
public enum AliasRetrievalOutcome
{
    Found,
    NotFound,
    Expired,
    Refused,
}
