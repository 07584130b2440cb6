using MediatR;

namespace AliasService.Application.Aliases.Queries.RetrieveAlias;

/// <summary>
/// <c>GET /api/v1/alias/{id}</c>: one query for every way in (owner token, alias JWT, passcode, nothing), with
/// the credential as a value object, so the decision order of docs/access-rules.md lives in one handler.
/// </summary>
public sealed record RetrieveAliasQuery(string Id, AliasCredential Credential) : IRequest<AliasRetrieval>;
