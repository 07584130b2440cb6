using AliasService.Application.Common.Models;
using AliasService.Domain.Aliases;

namespace AliasService.Application.Common.Interfaces;

/// <summary>Decides whether a bearer token is a valid alias token for one alias (docs/api.md, "Alias tokens").</summary>
public interface IAliasTokenVerifier
{
    Task<AliasTokenVerification> VerifyAsync(string token, Alias alias, CancellationToken cancellationToken);
}
