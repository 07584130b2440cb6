using MediatR;

namespace AliasService.Application.Aliases.Queries.InspectAliasToken;

/// <summary>
/// <c>POST /organization/api/v1/alias/{id}/token/inspect</c>: the owner asks why public retrieval would accept or refuse
/// a token. Runs the same verifier as public retrieval; never counts as a failed attempt.
/// </summary>
public sealed record InspectAliasTokenQuery(string OrganizationId, string Id, string Token) : IRequest<TokenInspectionDto>
{
    /// <summary>The longest token accepted for inspection: the verifier's own limit (8 KiB).</summary>
    public const int MaxTokenLength = 8 * 1024;
}
